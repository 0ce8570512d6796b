package dev.tally.core.history;

import dev.tally.core.fact.OrderFact;
import dev.tally.core.query.Period;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders both snapshots have whose stored cost differs (a new order is not a change of cost). */
final class OrderChanges {
    private OrderChanges() {
    }

    static void addTo(Allocations a, Allocations b, Period period, List<Change> out) {
        Map<String, OrderFact> old = new HashMap<>();
        a.dataset().orders().forEach(o -> old.putIfAbsent(o.orderId(), o));
        for (OrderFact o : b.dataset().orders()) {
            OrderFact before = old.get(o.orderId());
            if (before == null || Allocations.sameValue(before.cost(), o.cost()) || !in(o.day(), period)) {
                continue;
            }
            int i = o.resourceId() == null ? -1 : b.index(o.resourceId());
            String subject = o.type().name().toLowerCase(java.util.Locale.ROOT) + " order " + o.orderId()
                    + (i < 0 ? "" : " of " + b.label(i));
            out.add(new Change(ChangeKind.ORDER_COST_CHANGED, null, o.resourceId(), o.orderId(), subject, "cost",
                    Allocations.text(before.cost()), Allocations.text(o.cost())));
        }
    }

    private static boolean in(LocalDate day, Period p) {
        return p == null || day != null && !day.isBefore(p.from()) && !day.isAfter(p.to());
    }
}
