package dev.tally.core.input;

import dev.tally.core.cost.PriceHistory;
import dev.tally.core.cost.PriceList;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.quality.AssemblyFindings;
import dev.tally.core.quality.Finding;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Prices each month of an allocation with the prices in force then (docs/definitions.md, "Prices that change"): its
 * timeline of plans and limits is split at the month starts where {@link PriceHistory} says a plan's prices differ,
 * so the cost rules see a plan change there. The months no snapshot shows are collected for one finding per plan.
 * Not thread-safe; one per assembly.
 */
final class HistoricPrices {
    private final PriceHistory history;
    private final YearMonth current;
    private final Map<String, SortedSet<YearMonth>> assumed = new HashMap<>();
    private final Map<String, YearMonth> assumedFrom = new HashMap<>();
    private final Map<String, String> planNames = new HashMap<>();

    /** With {@code history} (which holds the current snapshot too); months from {@code current} on are the snapshot's own. */
    HistoricPrices(PriceHistory history, YearMonth current) {
        this.history = history;
        this.current = current;
    }

    /** The allocation with every month before the current one priced by the history; itself when nothing differs. */
    AllocationFact apply(AllocationFact f) {
        if (f.activeFrom() == null || !anyMayHaveChanged(f)) {
            return f;
        }
        List<LimitChange> points = new ArrayList<>();
        points.add(new LimitChange(f.activeFrom(), f.prices(), f.limits()));
        points.addAll(f.changes());
        List<LimitChange> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LimitChange p = points.get(i);
            Instant end = i + 1 < points.size() ? points.get(i + 1).at() : f.activeUntil();
            YearMonth first = month(p.at());
            YearMonth last = end == null ? current : min(month(end), current);
            out.add(new LimitChange(p.at(), priced(p.prices(), first), p.limits()));
            for (YearMonth m = first.plusMonths(1); !m.isAfter(last); m = m.plusMonths(1)) {
                Instant start = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                if (end != null && !start.isBefore(end)) {
                    break;
                }
                PriceList prices = priced(p.prices(), m);
                if (!prices.equals(out.get(out.size() - 1).prices())) {
                    out.add(new LimitChange(start, prices, p.limits()));
                }
            }
        }
        LimitChange head = out.get(0);
        return new AllocationFact(f.resourceId(), f.resourceName(), f.state(), f.projectId(), f.projectName(),
                f.customerId(), f.customerName(), f.offeringId(), f.offeringName(), f.share(), head.prices(),
                head.limits(), f.options(), f.activeFrom(), f.activeUntil(), out.subList(1, out.size()),
                f.fieldOfScience());
    }

    /**
     * The prices in force at {@code when} ({@code prices} themselves from the current month on), or null when no
     * snapshot shows them although they changed at some time.
     */
    PriceList at(PriceList prices, Instant when) {
        if (prices.planId() == null || !history.mayHaveChanged(prices.planId()) || !month(when).isBefore(current)) {
            return prices;
        }
        PriceHistory.InForce inForce = history.inForce(prices.planId(), month(when));
        return inForce == null ? prices : inForce.known() ? PriceHistory.priced(prices, inForce.prices()) : null;
    }

    /** One finding per plan with months whose prices no snapshot shows, in plan UUID order. */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        new TreeSet<>(assumed.keySet()).forEach(plan -> findings.add(AssemblyFindings.pricesAssumed(plan,
                planNames.get(plan), assumed.get(plan), assumedFrom.get(plan))));
        return findings;
    }

    private boolean anyMayHaveChanged(AllocationFact f) {
        if (f.prices().planId() != null && history.mayHaveChanged(f.prices().planId())) {
            return true;
        }
        for (LimitChange c : f.changes()) {
            if (c.prices().planId() != null && history.mayHaveChanged(c.prices().planId())) {
                return true;
            }
        }
        return false;
    }

    private PriceList priced(PriceList prices, YearMonth month) {
        if (prices.planId() == null || !month.isBefore(current)) {
            return prices;
        }
        PriceHistory.InForce inForce = history.inForce(prices.planId(), month);
        if (inForce == null) {
            return prices;
        }
        if (!inForce.known()) {
            assumed.computeIfAbsent(prices.planId(), k -> new TreeSet<>()).add(month);
            assumedFrom.merge(prices.planId(), inForce.source(), (a, b) -> a.isAfter(b) ? a : b);
            planNames.putIfAbsent(prices.planId(), prices.planName());
        }
        return PriceHistory.priced(prices, inForce.prices());
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    /** What a snapshot of {@code month} saw of every plan: its month's prices and the pending future prices. */
    static List<PriceHistory.Observation> observations(List<OfferingInput> offerings, YearMonth month) {
        List<PriceHistory.Observation> observations = new ArrayList<>();
        for (OfferingInput o : offerings) {
            for (PlanInput p : o.plans()) {
                if (p.uuid() != null) {
                    observations.add(new PriceHistory.Observation(month, p.uuid(), p.prices(), p.futurePrices()));
                }
            }
        }
        return observations;
    }
}
