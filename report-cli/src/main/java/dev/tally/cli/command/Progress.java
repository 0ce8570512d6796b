package dev.tally.cli.command;

import java.io.PrintWriter;

/**
 * Rendering progress on one rewritten stderr line, only when stderr is a terminal (cron and CI logs
 * stay clean) and not with --quiet.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
    }

    void step(String what) {
        if (!enabled) {
            return;
        }
        err.print("\r\033[K  " + what);
        err.flush();
        shown = true;
    }

    void done() {
        if (enabled && shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
