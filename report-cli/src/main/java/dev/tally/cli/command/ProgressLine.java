package dev.tally.cli.command;

import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import java.io.PrintWriter;

/**
 * Harvest progress on one rewritten stderr line, only when stderr is a terminal (cron and CI logs
 * stay clean) and not with --quiet.
 */
final class ProgressLine implements Harvester.Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private long lastPrint;

    ProgressLine(PrintWriter err, boolean quiet) {
        this.err = err;
        this.enabled = !quiet && System.console() != null;
    }

    @Override
    public synchronized void onProgress(WaldurCollection collection, long fetched, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean done = total >= 0 && fetched >= total;
        if (!done && now - lastPrint < 100_000_000L) {
            return;
        }
        lastPrint = now;
        String of = total >= 0 ? " / " + total : "";
        err.print("\r\033[K  harvesting " + collection.id() + ": " + fetched + of);
        if (done) {
            err.print("\n");
        }
        err.flush();
    }
}
