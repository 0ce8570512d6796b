package dev.tally.cli.report.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one format of an export's log lines, {@code 2026-11-02T06:00:00Z tally export: ...}, so a log
 * that collects many months (cron's, journald's) can be read and grepped by time. The time is the run's
 * clock, in UTC, to the second.
 */
public final class ExportLog {
    private final Clock clock;

    public ExportLog(Clock clock) {
        this.clock = clock;
    }

    /** The current time of the run's clock, to the second. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@code message} stamped with the current time. */
    public String line(String message) {
        return now() + " tally export: " + message;
    }
}
