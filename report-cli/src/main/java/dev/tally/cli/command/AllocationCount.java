package dev.tally.cli.command;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import java.util.Locale;

/**
 * How a snapshot's allocations relate to one period: those that existed in it (the report's
 * "Allocations" total) and why the rest are not counted, so "4,000 allocations in the snapshot" and
 * a total of 2,884 explain each other (docs/definitions.md, "Lifetime").
 */
record AllocationCount(String period, int inSnapshot, int existed, int endedBefore, int startedAfter, int neverStarted) {
    static AllocationCount of(Dataset d, Period p) {
        int from = (int) p.from().toEpochDay();
        int to = (int) p.to().toEpochDay();
        int never = 0;
        int before = 0;
        int after = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.firstDay(i) == Dataset.NEVER) {
                never++;
            } else if (d.lastDay(i) < from) {
                before++;
            } else if (d.firstDay(i) > to) {
                after++;
            }
        }
        return new AllocationCount(p.label(), d.size(), d.size() - never - before - after, before, after, never);
    }

    /** "2,884 of the snapshot's 4,000 allocations existed in 2026-10; of the other 1,116, 1,000 ended before it, ..." */
    String sentence() {
        return String.format(Locale.ROOT, "%,d of the snapshot's %,d allocations existed in %s; of the other %,d, "
                + "%,d ended before it, %,d began after it and %,d never started (no Create order completed).",
                existed, inSnapshot, period, inSnapshot - existed, endedBefore, startedAfter, neverStarted);
    }
}
