/**
 * Snapshots: a harvest of Waldur collections written as gzipped JSON lines plus a manifest,
 * published atomically, and read back with checksum and count verification.
 */
package dev.tally.waldur.snapshot;
