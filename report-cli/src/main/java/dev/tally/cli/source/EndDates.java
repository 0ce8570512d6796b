package dev.tally.cli.source;

import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.snapshot.Snapshot;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The end dates Waldur has scheduled for resources ({@code end_date}, inclusive; it only schedules the
 * termination, docs/waldur.md), which the limits ledger needs to say "not before the allocation ends".
 */
public final class EndDates {
    private EndDates() {
    }

    /** Resource UUID → scheduled end date, for the resources that have one. */
    public static Map<String, LocalDate> of(Snapshot snapshot) {
        Map<String, LocalDate> out = new HashMap<>();
        if (snapshot.has(WaldurCollection.RESOURCES)) {
            snapshot.forEach(WaldurCollection.RESOURCES, Resource.class, r -> {
                if (r.endDate() != null) {
                    out.put(r.uuid(), r.endDate());
                }
            });
        }
        return out;
    }
}
