package dev.tally.core.query;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PriceList;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.FieldOfScience;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.UsageFact;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The definitions computed the slow, obvious way, for comparison with {@link QueryEngine}: walk every
 * day of the period for every allocation, look up the limits in force that day, add up the day's
 * charge, divide by the days of the month once per allocation and month, and group by label strings
 * with sets of ids. Only monthly plans with monthly limit components are supported (what
 * {@link Scenario} generates).
 */
final class ReferenceEngine {
    private static final MathContext MC = MathContext.DECIMAL128;

    private ReferenceEngine() {
    }

    /** The figures of one group. */
    static final class Group {
        final Set<String> allocations = new HashSet<>();
        final Set<String> projects = new HashSet<>();
        final Set<String> orderIds = new HashSet<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal orderCost = BigDecimal.ZERO;
        final Map<String, BigDecimal> limits = new HashMap<>();
        final Map<String, BigDecimal> usages = new HashMap<>();
    }

    /** One row: an allocation in a month, or an order. */
    private record Row(AllocationFact fact, YearMonth month, PriceList plan, OrderFact order, BigDecimal cost,
            Map<String, BigDecimal> limits, Map<String, BigDecimal> usages) {
    }

    /** Group label lists → figures; the grand total is under the empty list. */
    static Map<List<String>, Group> run(Scenario s, Query q) {
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (Row row : rows(s, q)) {
            if (!matches(q.filter(), row)) {
                continue;
            }
            List<List<String>> keys = new ArrayList<>();
            keys.add(List.of());
            for (Dimension d : q.dimensions()) {
                List<List<String>> next = new ArrayList<>();
                for (List<String> k : keys) {
                    for (String v : labels(d, row)) {
                        List<String> longer = new ArrayList<>(k);
                        longer.add(v);
                        next.add(longer);
                    }
                }
                keys = next;
            }
            Set<List<String>> distinct = new HashSet<>(keys);
            distinct.add(List.of());
            for (List<String> k : distinct) {
                Group g = groups.computeIfAbsent(k, x -> new Group());
                if (row.order != null) {
                    g.orderIds.add(row.order.orderId());
                    if (row.order.state() == OrderState.DONE && row.order.cost() != null) {
                        g.orderCost = g.orderCost.add(row.order.cost());
                    }
                } else {
                    g.allocations.add(row.fact.resourceId());
                    g.projects.add(row.fact.projectId());
                    g.cost = g.cost.add(row.cost);
                    row.limits.forEach((c, v) -> g.limits.merge(c, v, BigDecimal::add));
                    row.usages.forEach((c, v) -> g.usages.merge(c, v, BigDecimal::add));
                }
            }
        }
        return groups;
    }

    private static List<Row> rows(Scenario s, Query q) {
        List<Row> rows = new ArrayList<>();
        boolean allocationMeasures = q.measures().stream().anyMatch(m -> !m.onOrders());
        boolean orderMeasures = q.measures().stream().anyMatch(Measure::onOrders);
        Map<String, AllocationFact> byId = new HashMap<>();
        s.allocations().forEach(f -> byId.put(f.resourceId(), f));
        if (allocationMeasures) {
            for (AllocationFact f : s.allocations()) {
                Map<YearMonth, BigDecimal> num = new TreeMap<>();
                Map<YearMonth, Map<String, BigDecimal>> limitDays = new HashMap<>();
                Map<YearMonth, PriceList> lastPlan = new HashMap<>();
                for (LocalDate d = q.period().from(); !d.isAfter(q.period().to()); d = d.plusDays(1)) {
                    if (!exists(f, d)) {
                        continue;
                    }
                    YearMonth m = YearMonth.from(d);
                    PriceList plan = planOn(f, d);
                    Map<String, BigDecimal> limits = limitsOn(f, d);
                    BigDecimal charge = plan.unitPrice();
                    for (ComponentPrice c : plan.components().values()) {
                        if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == LimitPeriod.MONTH) {
                            charge = charge.add(c.price().multiply(limits.getOrDefault(c.type(), BigDecimal.ZERO)));
                        }
                    }
                    num.merge(m, charge, BigDecimal::add);
                    Map<String, BigDecimal> ld = limitDays.computeIfAbsent(m, x -> new HashMap<>());
                    limits.forEach((c, v) -> ld.merge(c, v, BigDecimal::add));
                    lastPlan.put(m, plan);
                }
                for (var e : num.entrySet()) {
                    YearMonth m = e.getKey();
                    BigDecimal days = BigDecimal.valueOf(m.lengthOfMonth());
                    Map<String, BigDecimal> limits = new HashMap<>();
                    limitDays.get(m).forEach((c, v) -> limits.put(c, v.divide(days, MC)));
                    Map<String, BigDecimal> usages = new HashMap<>();
                    LocalDate first = m.atDay(1);
                    if (!first.isBefore(q.period().from()) && !first.isAfter(q.period().to())) {
                        for (UsageFact u : s.usages()) {
                            if (u.resourceId().equals(f.resourceId()) && u.month().equals(m)) {
                                usages.put(u.component(), u.usage());
                            }
                        }
                    }
                    rows.add(new Row(f, m, lastPlan.get(m), null, e.getValue().divide(days, MC), limits, usages));
                }
            }
        }
        if (orderMeasures) {
            for (OrderFact o : s.orders()) {
                AllocationFact f = byId.get(o.resourceId());
                Instant at = o.state() == OrderState.DONE && o.completedAt() != null ? o.completedAt() : o.created();
                if (f == null || at == null) {
                    continue;
                }
                LocalDate d = LocalDate.ofInstant(at, ZoneOffset.UTC);
                if (d.isBefore(q.period().from()) || d.isAfter(q.period().to())) {
                    continue;
                }
                rows.add(new Row(f, YearMonth.from(d), planOn(f, d), o, null, Map.of(), Map.of()));
            }
        }
        return rows;
    }

    private static boolean exists(AllocationFact f, LocalDate d) {
        if (f.activeFrom() == null) {
            return false;
        }
        Instant start = d.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return f.activeFrom().isBefore(end) && (f.activeUntil() == null || f.activeUntil().isAfter(start));
    }

    /** The last change whose effective day (its day, but not before the first day) is on or before {@code d}. */
    private static LimitChange changeOn(AllocationFact f, LocalDate d) {
        if (f.activeFrom() == null) {
            return null;
        }
        LocalDate first = LocalDate.ofInstant(f.activeFrom(), ZoneOffset.UTC);
        LimitChange found = null;
        for (LimitChange c : f.changes()) {
            LocalDate day = LocalDate.ofInstant(c.at(), ZoneOffset.UTC);
            if (day.isBefore(first)) {
                day = first;
            }
            if (!day.isAfter(d)) {
                found = c;
            }
        }
        return found;
    }

    private static PriceList planOn(AllocationFact f, LocalDate d) {
        LimitChange c = changeOn(f, d);
        return c == null ? f.prices() : c.prices();
    }

    private static Map<String, BigDecimal> limitsOn(AllocationFact f, LocalDate d) {
        LimitChange c = changeOn(f, d);
        return c == null ? f.limits() : c.limits();
    }

    static List<String> labels(Dimension d, Row row) {
        AllocationFact f = row.fact;
        return switch (d) {
            case PROJECT -> List.of(f.projectName());
            case CUSTOMER -> List.of(f.customerName());
            case COUNTRY -> List.of(f.share().name());
            case COUNTRY_SOURCE -> List.of(f.share().source().name().toLowerCase(Locale.ROOT));
            case OFFERING -> List.of(f.offeringName());
            case PLAN -> List.of(row.plan.planName());
            case RESOURCE_STATE -> List.of(f.state());
            case ORDER_TYPE -> List.of(row.order.type().label());
            case ORDER_STATE -> List.of(row.order.state().label());
            case IS_INDUSTRY -> List.of(f.options().isIndustry().label());
            case IS_COMMERCIAL -> List.of(f.options().isCommercial().label());
            case IS_TRAINING -> List.of(f.options().isTraining().label());
            case USED_AI_TECH -> f.options().usedAiTech().isEmpty() ? List.of("(none)")
                    : f.options().usedAiTech().stream().distinct().toList();
            case ACCESS_TYPE -> List.of(f.offeringName() != null && f.offeringName().contains(" / ")
                    && !f.offeringName().substring(f.offeringName().indexOf(" / ") + 3).isBlank()
                    ? f.offeringName().substring(f.offeringName().indexOf(" / ") + 3).strip() : "(none)");
            case FIELD_OF_SCIENCE -> List.of(FieldOfScience.label(f.fieldOfScience()));
            case ALLOCATION -> List.of(f.resourceName() == null || f.resourceName().isBlank() ? f.resourceId()
                    : f.resourceName() + " (" + f.resourceId() + ")");
            case MONTH -> List.of(row.month.toString());
            case QUARTER -> List.of(row.month.getYear() + "-Q" + ((row.month.getMonthValue() - 1) / 3 + 1));
            case YEAR -> List.of(Integer.toString(row.month.getYear()));
        };
    }

    private static boolean matches(Filter f, Row row) {
        if (f instanceof Filter.All) {
            return true;
        }
        if (f instanceof Filter.And a) {
            return matches(a.left(), row) && matches(a.right(), row);
        }
        if (f instanceof Filter.Or o) {
            return matches(o.left(), row) || matches(o.right(), row);
        }
        if (f instanceof Filter.Not n) {
            return !matches(n.operand(), row);
        }
        Dimension d;
        Filter.Op op;
        List<Filter.Literal> values;
        if (f instanceof Filter.Compare c) {
            d = c.dimension();
            op = c.op();
            values = List.of(c.value());
        } else {
            Filter.In in = (Filter.In) f;
            d = in.dimension();
            op = in.negated() ? Filter.Op.NE : Filter.Op.EQ;
            values = in.values();
        }
        List<String> labels = labels(d, row);
        if (d.temporal()) {
            String label = labels.get(0);
            String v = values.get(0).text();
            if (op == Filter.Op.EQ || op == Filter.Op.NE) {
                boolean any = values.stream().anyMatch(l -> l.text().equalsIgnoreCase(label));
                return any == (op == Filter.Op.EQ);
            }
            int cmp = label.compareTo(v.toUpperCase(Locale.ROOT));
            return switch (op) {
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                default -> cmp >= 0;
            };
        }
        boolean any = labels.stream().anyMatch(l -> values.stream().anyMatch(v -> v.text().equalsIgnoreCase(l)));
        return any == (op == Filter.Op.EQ);
    }
}
