package dev.tally.core.history;

import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.LimitSegments;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prices of the plans allocations are on, by plan UUID (by name when it has none): the unit price and
 * each component's price, old → new. A plan no allocation uses is in neither dataset.
 */
final class PlanChanges {
    private PlanChanges() {
    }

    static void addTo(Dataset older, Dataset newer, List<Change> out) {
        Map<String, PriceList> old = plans(older);
        for (Map.Entry<String, PriceList> e : plans(newer).entrySet()) {
            PriceList before = old.get(e.getKey());
            if (before == null) {
                continue;
            }
            PriceList now = e.getValue();
            String subject = label(now);
            if (!Allocations.sameValue(before.unitPrice(), now.unitPrice())) {
                out.add(new Change(ChangeKind.PRICE_CHANGED, null, null, now.planId(), subject, "unit_price",
                        Allocations.text(before.unitPrice()), Allocations.text(now.unitPrice())));
            }
            Set<String> components = new LinkedHashSet<>(before.components().keySet());
            components.addAll(now.components().keySet());
            for (String c : components) {
                BigDecimal o = price(before, c);
                BigDecimal n = price(now, c);
                if (!Allocations.sameValue(o, n)) {
                    out.add(new Change(ChangeKind.PRICE_CHANGED, null, null, now.planId(), subject, c,
                            Allocations.text(o), Allocations.text(n)));
                }
            }
        }
    }

    /** {@code name (uuid)}, or the name alone. */
    static String label(PriceList p) {
        return p.planId() == null ? p.planName() : p.planName() + " (" + p.planId() + ")";
    }

    /** The plan's identity across snapshots: its UUID, else its name. */
    static String key(PriceList p) {
        return p.planId() != null ? "id:" + p.planId() : "name:" + p.planName();
    }

    private static BigDecimal price(PriceList p, String component) {
        ComponentPrice c = p.components().get(component);
        return c == null ? null : c.price();
    }

    /** Every plan some allocation of {@code d} was on, by {@link #key}; the first one seen wins. */
    private static Map<String, PriceList> plans(Dataset d) {
        Map<String, PriceList> out = new LinkedHashMap<>();
        LimitSegments s = d.segments();
        for (int i = 0; i < d.size(); i++) {
            for (int k = s.first(i); k < s.end(i); k++) {
                PriceList p = d.plan(s.plan(k));
                out.putIfAbsent(key(p), p);
            }
        }
        return out;
    }
}
