package dev.tally.core.history;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Usage of months that were closed when the older snapshot was taken (before its month) and differ in
 * the newer one: reported late (none before), corrected (another value) or withdrawn (none now).
 */
final class UsageChanges {
    private UsageChanges() {
    }

    static void addTo(Allocations a, Allocations b, Period period, List<Change> out) {
        Dataset newer = b.dataset();
        int firstOpen = Dataset.epochMonth(YearMonth.from(a.dataset().asOf()));
        for (int i = 0; i < newer.size(); i++) {
            String id = newer.resourceId(i);
            int j = a.index(id);
            Map<Integer, Map<String, BigDecimal>> now = b.usagesBefore(i, firstOpen);
            Map<Integer, Map<String, BigDecimal>> old = j < 0 ? Map.of() : a.usagesBefore(j, firstOpen);
            TreeSet<Integer> months = new TreeSet<>(now.keySet());
            months.addAll(old.keySet());
            for (int em : months) {
                YearMonth m = Dataset.month(em);
                if (period != null && (m.atDay(1).isBefore(period.from()) || m.atDay(1).isAfter(period.to()))) {
                    continue;
                }
                Map<String, BigDecimal> o = old.getOrDefault(em, Map.of());
                Map<String, BigDecimal> n = now.getOrDefault(em, Map.of());
                TreeSet<String> components = new TreeSet<>(o.keySet());
                components.addAll(n.keySet());
                for (String c : components) {
                    if (!Allocations.sameValue(o.get(c), n.get(c))) {
                        out.add(new Change(ChangeKind.USAGE_CHANGED, m, id, id, b.label(i), c, Allocations.text(o.get(c)),
                                Allocations.text(n.get(c))));
                    }
                }
            }
        }
    }
}
