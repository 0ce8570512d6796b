package dev.tally.cli.command;

import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import java.io.PrintWriter;

/**
 * A command's progress on one rewritten stderr line, only when stderr is a terminal (cron and CI logs
 * stay clean) and not with --quiet: the steps of a report run ({@link #step}), and a harvest's pages
 * per collection, at most ten times a second ({@link #onProgress}).
 */
final class ProgressLine implements Harvester.Progress {
    private static final long HARVEST_INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private boolean shown;
    private long lastPrint;

    ProgressLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
    }

    /** Replaces the line with {@code what}. */
    synchronized void step(String what) {
        if (!enabled) {
            return;
        }
        show("  " + what);
    }

    /** Clears the line a step left. */
    synchronized void done() {
        if (enabled && shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    @Override
    public synchronized void onProgress(WaldurCollection collection, long fetched, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean complete = total >= 0 && fetched >= total;
        if (!complete && now - lastPrint < HARVEST_INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        String of = total >= 0 ? " / " + total : "";
        show("  harvesting " + collection.id() + ": " + fetched + of + (complete ? "\n" : ""));
    }

    private void show(String line) {
        err.print("\r\033[K" + line);
        err.flush();
        shown = true;
    }
}
