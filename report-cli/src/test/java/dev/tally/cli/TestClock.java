package dev.tally.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The clock every CLI test runs on, so no figure, message or golden file depends on the day the
 * suite runs. 2026-11-02 06:00 UTC is when the README's cron line would run the monthly export
 * against the emulator's data, which ends on 2026-11-01.
 */
public final class TestClock {
    /** 2026-11-02T06:00:00Z, fixed. */
    public static final Clock FIXED = at("2026-11-02T06:00:00Z");

    private TestClock() {
    }

    /** A clock fixed at an ISO-8601 instant such as {@code 2028-02-29T12:00:00Z}. */
    public static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
