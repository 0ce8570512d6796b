package dev.tally.waldur.snapshot;

/** A snapshot that cannot be used: missing, partial, tampered with or of an unknown format. */
public class SnapshotException extends RuntimeException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
