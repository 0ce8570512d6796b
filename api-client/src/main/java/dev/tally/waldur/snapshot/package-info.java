/**
 * Snapshots: a harvest of Waldur collections written as gzipped JSON lines plus a manifest,
 * published atomically, and read back with checksum and count verification, either as typed
 * records or, for reporting at scale, through streaming readers into summaries and a usage sink.
 */
package dev.tally.waldur.snapshot;
