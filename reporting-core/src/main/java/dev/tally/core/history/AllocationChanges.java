package dev.tally.core.history;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Allocations added and terminated, and limits changed (the limits after each allocation's last change). */
final class AllocationChanges {
    private AllocationChanges() {
    }

    static void addTo(Allocations a, Allocations b, Period period, List<Change> out) {
        Dataset older = a.dataset();
        Dataset newer = b.dataset();
        for (int i = 0; i < newer.size(); i++) {
            String id = newer.resourceId(i);
            int j = a.index(id);
            if (j < 0) {
                if (b.activeIn(i, period)) {
                    out.add(new Change(ChangeKind.ALLOCATION_ADDED, null, id, id, b.label(i), "", null, "added"));
                }
                continue;
            }
            if (!a.activeIn(j, period) && !b.activeIn(i, period)) {
                continue;
            }
            if (older.lastDay(j) == Dataset.OPEN && newer.lastDay(i) != Dataset.OPEN) {
                out.add(new Change(ChangeKind.ALLOCATION_TERMINATED, null, id, id, b.label(i), "active until", "open",
                        LocalDate.ofEpochDay(newer.lastDay(i)).toString()));
            }
            limits(a.currentLimits(j), b.currentLimits(i), id, b.label(i), newer, out);
        }
        for (int j = 0; j < older.size(); j++) {
            String id = older.resourceId(j);
            if (b.index(id) < 0 && a.activeIn(j, period)) {
                out.add(new Change(ChangeKind.ALLOCATION_TERMINATED, null, id, id, a.label(j), "listed", "listed",
                        "no longer listed"));
            }
        }
    }

    private static void limits(Map<String, BigDecimal> old, Map<String, BigDecimal> now, String id, String label,
            Dataset newer, List<Change> out) {
        Set<String> components = new LinkedHashSet<>(newer.components());
        components.addAll(old.keySet());
        components.addAll(now.keySet());
        for (String c : components) {
            BigDecimal o = old.get(c);
            BigDecimal n = now.get(c);
            if (!Allocations.sameValue(o, n)) {
                out.add(new Change(ChangeKind.LIMIT_CHANGED, null, id, id, label, c, Allocations.text(o), Allocations.text(n)));
            }
        }
    }
}
