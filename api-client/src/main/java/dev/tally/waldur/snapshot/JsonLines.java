package dev.tally.waldur.snapshot;

/** A block of JSON lines (UTF-8, each ending in a newline) and how many objects it holds. */
record JsonLines(byte[] bytes, int count) {
}
