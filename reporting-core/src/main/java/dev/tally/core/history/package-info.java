/**
 * What changed between two snapshots (docs/definitions.md, "Changes between snapshots"): the
 * {@link dev.tally.core.history.SnapshotDiff} of two datasets, and the {@link dev.tally.core.history.Restatements}
 * of figures of months that were already closed when the older snapshot was taken.
 */
package dev.tally.core.history;
