package dev.tally.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/** A {@link Clock} that reads the emulator store's logical time instead of the wall clock. */
final class LogicalClock extends Clock {
    private final Supplier<Instant> now;
    private final ZoneId zone;

    LogicalClock(Supplier<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new LogicalClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
