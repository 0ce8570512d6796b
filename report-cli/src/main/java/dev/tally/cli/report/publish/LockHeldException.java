package dev.tally.cli.report.publish;

import java.nio.file.Path;

/** Another export holds the lock of the destination root; this run did nothing (exit 4, docs/export.md). */
public final class LockHeldException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LockHeldException(Path lockFile) {
        super("another tally export is running (it holds the lock " + lockFile + "); try again when it has finished");
    }
}
