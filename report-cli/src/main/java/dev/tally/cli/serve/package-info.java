/**
 * {@code tally serve}: a read-only local web page over one snapshot (docs/serve.md). Every answer is
 * {@code tally query}'s own, run in-process on the snapshot loaded at start; nothing here computes a figure.
 */
package dev.tally.cli.serve;
