package dev.tally.waldur.snapshot;

/**
 * A snapshot cannot go where it was asked to: the directory holds something that is not a snapshot
 * (docs/security.md, "Never destroy what is not ours"). Nothing was written or removed.
 */
public final class SnapshotTargetException extends SnapshotException {
    public SnapshotTargetException(String message) {
        super(message);
    }
}
