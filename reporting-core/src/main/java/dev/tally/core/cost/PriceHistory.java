package dev.tally.core.cost;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan prices known for each month (docs/definitions.md, "Prices that change"). Waldur keeps no price history:
 * each snapshot saw, per plan, the {@code price} in force in its month and the {@code future_price} that a change
 * left pending, which Waldur copies into {@code price} on the next 1st. A month is priced with
 * <ol>
 *   <li>the prices a snapshot of that month saw;</li>
 *   <li>else those of a later snapshot without any future price: Waldur writes {@code future_price} at a plan's
 *       first price change (while resources use it) and never clears it, so the plan had those prices until then;</li>
 *   <li>else those of the latest earlier snapshot, each with its future price where one is set; the month is
 *       <em>known</em> when no later snapshot contradicts them;</li>
 *   <li>else (before every snapshot) those of the earliest one, known only when nothing shows a change.</li>
 * </ol>
 * A plan none of whose snapshots has a future price and whose snapshots all agree never changed its prices while
 * resources used it (Waldur writes {@code future_price} once any resource is on the plan), so all its months are known.
 */
public final class PriceHistory {
    /** No snapshot of any plan. */
    public static final PriceHistory NONE = new PriceHistory(List.of());

    /**
     * What one snapshot saw of one plan.
     *
     * @param month        the month the snapshot was harvested in
     * @param prices       component type → the price in force then
     * @param futurePrices component type → the pending future price, only where one is set
     */
    public record Observation(YearMonth month, String planId, Map<String, BigDecimal> prices,
            Map<String, BigDecimal> futurePrices) {
        public Observation {
            Checks.nonNull("month, planId", month, planId);
            prices = Map.copyOf(prices);
            futurePrices = Map.copyOf(futurePrices);
        }
    }

    /**
     * The prices of one plan in one month.
     *
     * @param known  false when no snapshot shows what they were: a nearer snapshot's prices stand in
     * @param source the month of the snapshot whose prices these are
     */
    public record InForce(Map<String, BigDecimal> prices, boolean known, YearMonth source) {
    }

    // per plan, by month ascending; of two snapshots of one month the one given later
    private final Map<String, List<Observation>> byPlan;
    private final Map<String, Boolean> changed = new HashMap<>();

    private PriceHistory(List<Observation> observations) {
        Map<String, Map<YearMonth, Observation>> last = new LinkedHashMap<>();
        for (Observation o : observations) {
            last.computeIfAbsent(o.planId(), k -> new HashMap<>()).put(o.month(), o);
        }
        byPlan = new HashMap<>();
        last.forEach((plan, months) -> {
            List<Observation> sorted = new ArrayList<>(months.values());
            sorted.sort(Comparator.comparing(Observation::month));
            byPlan.put(plan, List.copyOf(sorted));
        });
    }

    /** A history of these observations (from any number of snapshots, in the order they were harvested). */
    public static PriceHistory of(List<Observation> observations) {
        return new PriceHistory(observations);
    }

    /** This history with {@code more} added after its own observations. */
    public PriceHistory with(List<Observation> more) {
        List<Observation> all = new ArrayList<>();
        byPlan.values().forEach(all::addAll);
        all.addAll(more);
        return new PriceHistory(all);
    }

    /**
     * Whether the plan's prices may have changed while resources used it: some snapshot has a future price for it,
     * or two snapshots saw different prices. Without that, every month has the prices every snapshot saw.
     */
    public boolean mayHaveChanged(String planId) {
        return changed.computeIfAbsent(planId, p -> {
            List<Observation> obs = byPlan.getOrDefault(p, List.of());
            for (Observation o : obs) {
                if (!o.futurePrices().isEmpty() || !samePrices(o.prices(), obs.get(0).prices())) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The plan's prices in {@code month}, or null when no snapshot saw the plan. */
    public InForce inForce(String planId, YearMonth month) {
        List<Observation> obs = byPlan.get(planId);
        if (obs == null || obs.isEmpty()) {
            return null;
        }
        Observation before = null;
        Observation after = null;
        for (Observation o : obs) {
            if (o.month().equals(month)) {
                return new InForce(o.prices(), true, o.month());
            }
            if (o.month().isBefore(month)) {
                before = o;
            } else {
                if (after == null) {
                    after = o;
                }
                // Waldur writes future_price at the first change and never clears it: a later snapshot without one
                // shows the prices the plan had all along until then.
                if (o.futurePrices().isEmpty()) {
                    return new InForce(o.prices(), true, o.month());
                }
            }
        }
        boolean mayHaveChanged = mayHaveChanged(planId);
        if (before == null) {
            return new InForce(after.prices(), !mayHaveChanged, after.month());
        }
        Map<String, BigDecimal> then = new HashMap<>(before.prices());
        then.putAll(before.futurePrices());
        boolean known = !mayHaveChanged || after == null || samePrices(then, after.prices());
        return new InForce(Map.copyOf(then), known, before.month());
    }

    /** {@code prices} with each listed component's price replaced by the one in {@code inForce}. */
    public static PriceList priced(PriceList prices, Map<String, BigDecimal> inForce) {
        boolean differs = false;
        List<ComponentPrice> components = new ArrayList<>(prices.components().size());
        for (ComponentPrice c : prices.components().values()) {
            BigDecimal p = inForce.get(c.type());
            if (p != null && p.compareTo(c.price()) != 0) {
                differs = true;
                components.add(new ComponentPrice(c.type(), c.billingType(), p, c.limitPeriod(), c.amount()));
            } else {
                components.add(c);
            }
        }
        return differs ? PriceList.of(prices.planId(), prices.planName(), prices.unit(), prices.unitPrice(), components)
                : prices;
    }

    // numerically, a missing component counting as zero
    private static boolean samePrices(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        for (Map.Entry<String, BigDecimal> e : a.entrySet()) {
            if (e.getValue().compareTo(b.getOrDefault(e.getKey(), BigDecimal.ZERO)) != 0) {
                return false;
            }
        }
        for (Map.Entry<String, BigDecimal> e : b.entrySet()) {
            if (!a.containsKey(e.getKey()) && e.getValue().signum() != 0) {
                return false;
            }
        }
        return true;
    }
}
