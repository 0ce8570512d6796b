package dev.tally.core.reconcile;

import dev.tally.core.dataset.Dataset;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Waldur's component usages against a site's accounting export (docs/definitions.md, "Reconciliation"):
 * per allocation (or project), month and component, over the months the site's file covers. Several site
 * rows for one cell (one per user, say) are added up; Waldur's side is the latest report per month, as
 * everywhere else (docs/definitions.md §7).
 */
public final class UsageReconciler {
    private UsageReconciler() {
    }

    /**
     * Compares the allocations {@code selected} keeps (dataset indexes) with the site's records; site records of
     * allocations (or projects) the selection leaves out are left out too, and those of keys Tally does not know are kept.
     * Only {@code components} are compared: those the site's export has (sreport knows no storage).
     */
    public static Reconciliation reconcile(Dataset d, List<SiteRecord> site, KeyKind kind, Set<String> components,
            BigDecimal threshold, IntPredicate selected) {
        Map<Cell, BigDecimal> other = new HashMap<>();
        Set<YearMonth> months = new HashSet<>();
        for (SiteRecord r : site) {
            other.merge(new Cell(Cell.normalise(r.key()), r.month(), r.component()), r.amount(), BigDecimal::add);
            months.add(r.month());
        }
        Set<Integer> epochMonths = new HashSet<>();
        months.forEach(m -> epochMonths.add(Dataset.epochMonth(m)));
        Map<Cell, BigDecimal> tally = new HashMap<>();
        Map<String, Comparison.Known> known = new HashMap<>();
        Set<String> left = new HashSet<>();
        for (int i = 0; i < d.size(); i++) {
            String key = key(d, i, kind);
            if (key == null) {
                continue;
            }
            if (!selected.test(i)) {
                left.add(key);
                continue;
            }
            known.putIfAbsent(key, new Comparison.Known(label(d, i, kind), d.shares().label(d.share(i)),
                    d.shareKind(d.share(i)).ordinal()));
            for (int k = d.usageStart(i); k < d.usageEnd(i); k++) {
                if (epochMonths.contains(d.usageMonth(k)) && components.contains(d.componentName(d.usageComponent(k)))) {
                    tally.merge(new Cell(key, Dataset.month(d.usageMonth(k)), d.componentName(d.usageComponent(k))),
                            d.usageValue(k), BigDecimal::add);
                }
            }
        }
        left.removeAll(known.keySet());
        other.keySet().removeIf(c -> left.contains(c.key()));
        return Comparison.of(tally, other, known::get, d.components(), months, threshold);
    }

    private static String key(Dataset d, int i, KeyKind kind) {
        String id = kind == KeyKind.ALLOCATION ? d.resourceId(i) : d.projects().id(d.project(i));
        return id == null ? null : Cell.normalise(id);
    }

    private static String label(Dataset d, int i, KeyKind kind) {
        if (kind == KeyKind.PROJECT) {
            return d.projects().label(d.project(i)) + " (" + d.projects().id(d.project(i)) + ")";
        }
        String name = d.resourceName(i);
        return name == null || name.isBlank() ? d.resourceId(i) : name + " (" + d.resourceId(i) + ")";
    }
}
