package dev.tally.core.quality;

import dev.tally.core.cost.PriceList;
import dev.tally.core.country.ShareKind;
import dev.tally.core.cost.Accrual;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs every data-quality check over a dataset (docs/definitions.md, "Data quality"): the findings
 * made while assembling the facts plus unassigned countries, limits on components not in the plan,
 * order cost mismatches, usage outside any allocation's lifetime and usage above the limit.
 */
public final class DataQuality {
    private DataQuality() {
    }

    /** All findings, most severe first, then by kind and subject. */
    public static List<Finding> check(Dataset d) {
        List<Finding> out = new ArrayList<>(d.findings());
        out.addAll(unmatched(d));
        unassigned(d, out);
        limitsNotInPlan(d, out);
        costMismatches(d, out);
        usage(d, out);
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::kind).thenComparing(Finding::subject)
                .thenComparing(Finding::message));
        return List.copyOf(out);
    }

    /**
     * The usages and orders whose resource is not an allocation of the dataset, one finding each: usages
     * in the order added, then orders.
     */
    public static List<Finding> unmatched(Dataset d) {
        List<Finding> out = new ArrayList<>();
        for (UsageFact u : d.unmatchedUsages()) {
            out.add(new Finding(FindingKind.USAGE_WITHOUT_ALLOCATION, u.resourceId(), "usage of " + u.component() + " in "
                    + u.month() + " reported for resource " + u.resourceId() + ", which is not in the data"));
        }
        for (int j = 0; j < d.orders().size(); j++) {
            OrderFact o = d.orders().get(j);
            if (d.orderAllocation(j) < 0) {
                out.add(new Finding(FindingKind.ORDER_WITHOUT_RESOURCE, o.orderId(), o.type().label() + " order "
                        + o.orderId() + " refers to resource " + (o.resourceId() == null ? "(none)" : o.resourceId())
                        + ", which is not in the data"));
            }
        }
        return out;
    }

    /** The findings as a table for renderers: severity, check, subject and message, one row per finding. */
    public static ResultTable table(List<Finding> findings) {
        List<Column> columns = List.of(Column.text("severity", "Severity"), Column.text("check", "Check"),
                Column.text("subject", "Subject"), Column.text("message", "Finding"));
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            rows.add(List.of(f.severity().name().toLowerCase(java.util.Locale.ROOT), f.kind().key(), f.subject(), f.message()));
        }
        return new ResultTable("data-quality", "Data quality", columns, rows, null,
                List.of(findings.size() + " finding(s); definitions in docs/definitions.md, section 10."));
    }

    private static void unassigned(Dataset d, List<Finding> out) {
        Map<String, Integer> byOffering = new TreeMap<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.shareKind(d.share(i)) == ShareKind.UNASSIGNED) {
                byOffering.merge(d.offerings().label(d.offering(i)), 1, Integer::sum);
            }
        }
        byOffering.forEach((offering, n) -> out.add(new Finding(FindingKind.UNASSIGNED_COUNTRY, offering,
                "LUMI offering '" + offering + "' has no resolvable country; its " + n + " allocation(s) are reported as (unassigned)")));
    }

    private static void limitsNotInPlan(Dataset d, List<Finding> out) {
        for (int i = 0; i < d.size(); i++) {
            int first = d.firstDay(i) == Dataset.NEVER ? Integer.MIN_VALUE : d.firstDay(i);
            PriceList plan = d.plan(d.planOn(i, first));
            TreeSet<String> extra = new TreeSet<>(d.limitsOn(i, first).keySet());
            int current = d.planOn(i, Integer.MAX_VALUE - 1);
            extra.addAll(d.limitsOn(i, Integer.MAX_VALUE - 1).keySet());
            extra.removeIf(c -> plan.components().containsKey(c) || d.plan(current).components().containsKey(c));
            if (!extra.isEmpty()) {
                out.add(new Finding(FindingKind.LIMIT_NOT_IN_PLAN, d.resourceId(i), "resource " + d.resourceId(i)
                        + " has limits on " + String.join(", ", extra) + ", which plan '" + plan.planName()
                        + "' does not list; they cost nothing"));
            }
        }
    }

    private static void costMismatches(Dataset d, List<Finding> out) {
        for (OrderFact o : d.orders()) {
            if (o.cost() == null || o.estimate() == null) {
                continue;
            }
            BigDecimal stored = o.cost().setScale(2, RoundingMode.HALF_UP);
            BigDecimal recomputed = o.estimate().setScale(2, RoundingMode.HALF_UP);
            if (stored.compareTo(recomputed) != 0) {
                out.add(new Finding(FindingKind.COST_MISMATCH, o.orderId(), o.type().label() + " order " + o.orderId()
                        + " stores cost " + o.cost().toPlainString() + " but its plan and limits give "
                        + o.estimate().stripTrailingZeros().toPlainString()));
            }
        }
    }

    /**
     * What a usage report can never be (docs/definitions.md, "Data quality"): below zero, or of a component the
     * allocation's plan does not have. Either is an error, not a correction: the figure stays as reported, so the
     * report shows what Waldur holds, and the finding says it cannot be right.
     */
    private static void invariants(Dataset d, int i, int epochMonth, PriceList plan, String component, BigDecimal value,
            List<Finding> out) {
        if (value.signum() < 0) {
            out.add(new Finding(FindingKind.NEGATIVE_USAGE, d.resourceId(i), "resource " + d.resourceId(i) + " reported "
                    + value.toPlainString() + " " + component + " in " + Dataset.month(epochMonth) + ", below zero; counted as reported"));
        }
        if (!plan.components().isEmpty() && !plan.components().containsKey(component)) {
            out.add(new Finding(FindingKind.USAGE_NOT_IN_OFFERING, d.resourceId(i), "resource " + d.resourceId(i) + " reported "
                    + component + " in " + Dataset.month(epochMonth) + ", a component its plan '" + plan.planName()
                    + "' does not have; counted as reported"));
        }
    }

    /**
     * The warnings and errors about what {@code counted} (the allocations an answer counts, as
     * {@code QueryEngine.counted} gives them) holds: findings about those resources and their offerings.
     * Information findings (a duplicate usage report, of which the latest counts) change no figure and are left out.
     */
    public static List<Finding> affecting(Dataset d, List<Finding> findings, java.util.BitSet counted) {
        java.util.Set<String> subjects = new java.util.HashSet<>();
        for (int i = counted.nextSetBit(0); i >= 0; i = counted.nextSetBit(i + 1)) {
            subjects.add(d.resourceId(i));
            subjects.add(d.offerings().label(d.offering(i)));
        }
        return findings.stream().filter(f -> f.severity() != Severity.INFO && subjects.contains(f.subject())).toList();
    }

    private static void usage(Dataset d, List<Finding> out) {
        RowFigures row = new RowFigures(d.components().size());
        int minMonth = Integer.MAX_VALUE;
        int maxMonth = Integer.MIN_VALUE;
        for (int i = 0; i < d.size(); i++) {
            for (int u = d.usageStart(i); u < d.usageEnd(i); u++) {
                minMonth = Math.min(minMonth, d.usageMonth(u));
                maxMonth = Math.max(maxMonth, d.usageMonth(u));
            }
        }
        if (minMonth > maxMonth) {
            return;
        }
        // bounded to the reported months, so one-off charges of open-ended allocations stay finite
        Accrual accrual = Accrual.over(d, (int) Dataset.month(minMonth).atDay(1).toEpochDay(),
                (int) Dataset.month(maxMonth).atEndOfMonth().toEpochDay());
        for (int i = 0; i < d.size(); i++) {
            int lastMonth = Integer.MIN_VALUE;
            boolean exists = false;
            PriceList plan = null;
            for (int u = d.usageStart(i); u < d.usageEnd(i); u++) {
                int em = d.usageMonth(u);
                if (em != lastMonth) {
                    exists = accrual.month(i, em, row);
                    // the plan on the month's first day, which the invariants judge a record by; once per month
                    plan = d.plan(d.planOn(i, (int) Dataset.month(em).atDay(1).toEpochDay()));
                    lastMonth = em;
                }
                String component = d.componentName(d.usageComponent(u));
                BigDecimal value = d.usageValue(u);
                invariants(d, i, em, plan, component, value, out);
                BigDecimal limit = exists ? row.limit(d.usageComponent(u)) : null;
                if (!exists || limit != null && value.compareTo(limit) > 0) {
                    usageFinding(d, i, em, component, value, limit, out);
                }
            }
        }
    }

    /**
     * The finding about a usage record of a month the allocation did not exist in ({@code limit} null), or of one above
     * its {@code limit}; its words are made only here, for the few records that have a finding.
     */
    private static void usageFinding(Dataset d, int i, int em, String component, BigDecimal value, BigDecimal limit,
            List<Finding> out) {
        String month = Dataset.month(em).toString();
        if (limit == null) {
            out.add(new Finding(FindingKind.USAGE_WITHOUT_ALLOCATION, d.resourceId(i), "usage of " + component
                    + " in " + month + " reported for resource " + d.resourceId(i)
                    + ", which did not exist that month; not counted"));
        } else {
            out.add(new Finding(FindingKind.USAGE_ABOVE_LIMIT, d.resourceId(i), "resource " + d.resourceId(i)
                    + " used " + value.toPlainString() + " " + component + " in " + month + ", above its limit of "
                    + limit.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
        }
    }
}
