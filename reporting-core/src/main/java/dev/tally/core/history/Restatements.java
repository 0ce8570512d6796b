package dev.tally.core.history;

import dev.tally.core.cost.Accrual;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Measure;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of closed months that changed between two snapshots (docs/definitions.md, "Restatements"):
 * a month is closed when it ended before the older snapshot's month began. Per allocation, its cost,
 * limits and usage in each such month (the core's {@link Accrual}, as every query computes them); per
 * country share, the same figures as the report's summary computes them ({@link QueryEngine}), for the
 * months an allocation's figures changed in. Each comes with its cause, taken from the {@link SnapshotDiff}.
 */
public final class Restatements {
    private static final int MIN_DAY = (int) LocalDate.of(1000, 1, 1).toEpochDay();
    private static final int CAUSES_SHOWN = 3;
    private static final Comparator<Restatement> ORDER = Comparator.comparing(Restatement::month)
            .thenComparing(Restatement::level).thenComparing(Restatement::subject, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Restatement::subject).thenComparing(r -> r.figure().equals("cost") ? "" : r.figure());

    private final Allocations older;
    private final Allocations newer;
    private final int lastDay;
    private final Figures before;
    private final Figures after;
    private final Map<String, List<Change>> byAllocation = new HashMap<>();
    private final List<Change> prices = new ArrayList<>();

    private Restatements(Dataset older, Dataset newer, SnapshotDiff diff, YearMonth upTo) {
        this.older = new Allocations(older);
        this.newer = new Allocations(newer);
        YearMonth lastClosed = YearMonth.from(older.asOf()).minusMonths(1);
        YearMonth last = upTo != null && upTo.isBefore(lastClosed) ? upTo : lastClosed;
        this.lastDay = (int) last.atEndOfMonth().toEpochDay();
        this.before = new Figures(older, MIN_DAY, lastDay);
        this.after = new Figures(newer, MIN_DAY, lastDay);
        for (Change c : diff.changes()) {
            if (c.kind() == ChangeKind.PRICE_CHANGED) {
                prices.add(c);
            } else if (c.resourceId() != null && c.kind() != ChangeKind.ORDER_COST_CHANGED) {
                byAllocation.computeIfAbsent(c.resourceId(), x -> new ArrayList<>()).add(c);
            }
        }
    }

    /**
     * The restated figures of the months closed in {@code older} up to {@code upTo} (null: all of them),
     * in month order, country shares before allocations.
     */
    public static List<Restatement> between(Dataset older, Dataset newer, SnapshotDiff diff, YearMonth upTo) {
        return new Restatements(older, newer, diff, upTo).compute();
    }

    private List<Restatement> compute() {
        List<Restatement> out = new ArrayList<>();
        Map<Integer, Map<String, List<String>>> changedShares = new TreeMap<>();
        for (String id : changedAllocations()) {
            allocation(id, out, changedShares);
        }
        for (var e : changedShares.entrySet()) {
            countryShares(e.getKey(), e.getValue(), out);
        }
        out.sort(ORDER);
        return out;
    }

    /** Allocations whose lifetime, limits, plans or usage differ, or that only one snapshot has. */
    private Set<String> changedAllocations() {
        Set<String> out = new LinkedHashSet<>();
        Dataset n = newer.dataset();
        for (int i = 0; i < n.size(); i++) {
            int j = older.index(n.resourceId(i));
            if (j < 0 || !newer.sameHistory(i, older, j)) {
                out.add(n.resourceId(i));
            }
        }
        Dataset o = older.dataset();
        for (int j = 0; j < o.size(); j++) {
            if (newer.index(o.resourceId(j)) < 0) {
                out.add(o.resourceId(j));
            }
        }
        return out;
    }

    /** The allocation's changed figures per closed month; records which shares changed in which months. */
    private void allocation(String id, List<Restatement> out, Map<Integer, Map<String, List<String>>> changedShares) {
        int i = newer.index(id);
        int j = older.index(id);
        Allocations labelled = i >= 0 ? newer : older;
        String label = labelled.label(i >= 0 ? i : j);
        int from = Math.min(first(newer, i), first(older, j));
        int to = Math.min(lastDay, Math.max(last(newer, i), last(older, j)));
        if (from > to) {
            return;
        }
        Set<String> components = new LinkedHashSet<>(newer.dataset().components());
        components.addAll(older.dataset().components());
        for (int em = Dataset.epochMonthOfDay(from); em <= Dataset.epochMonthOfDay(to); em++) {
            Map<String, BigDecimal> o = before.of(j, em, components);
            Map<String, BigDecimal> n = after.of(i, em, components);
            YearMonth m = Dataset.month(em);
            boolean changed = false;
            for (String figure : o.keySet()) {
                if (o.get(figure).compareTo(n.get(figure)) != 0) {
                    out.add(new Restatement(m, Restatement.Level.ALLOCATION, label, figure, o.get(figure), n.get(figure),
                            cause(id, i, j, m, figure)));
                    changed = true;
                }
            }
            if (changed) {
                Map<String, List<String>> shares = changedShares.computeIfAbsent(em, x -> new TreeMap<>());
                if (i >= 0) {
                    shares.computeIfAbsent(newer.dataset().shares().label(newer.dataset().share(i)), x -> new ArrayList<>()).add(id);
                }
                if (j >= 0) {
                    List<String> ids = shares.computeIfAbsent(older.dataset().shares().label(older.dataset().share(j)),
                            x -> new ArrayList<>());
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
    }

    private static int first(Allocations a, int i) {
        return i < 0 ? Integer.MAX_VALUE : a.dataset().firstDay(i);
    }

    private static int last(Allocations a, int i) {
        return i < 0 ? Integer.MIN_VALUE : a.dataset().lastDay(i);
    }

    /** The country shares' figures in one month, as the summary computes them, where they differ. */
    private void countryShares(int em, Map<String, List<String>> changed, List<Restatement> out) {
        YearMonth m = Dataset.month(em);
        Map<String, Map<String, BigDecimal>> before = perShare(older.dataset(), m);
        Map<String, Map<String, BigDecimal>> after = perShare(newer.dataset(), m);
        for (String share : changed.keySet()) {
            Map<String, BigDecimal> o = before.getOrDefault(share, Map.of());
            Map<String, BigDecimal> n = after.getOrDefault(share, Map.of());
            Set<String> figures = new LinkedHashSet<>(n.keySet());
            figures.addAll(o.keySet());
            for (String figure : figures) {
                BigDecimal ov = o.getOrDefault(figure, BigDecimal.ZERO);
                BigDecimal nv = n.getOrDefault(figure, BigDecimal.ZERO);
                if (ov.compareTo(nv) != 0) {
                    out.add(new Restatement(m, Restatement.Level.COUNTRY_SHARE, share, figure, ov, nv,
                            shareCause(changed.get(share), m, figure)));
                }
            }
        }
    }

    /** Limits, usage and cost per country share in month {@code m}: the summary section's query. */
    private static Map<String, Map<String, BigDecimal>> perShare(Dataset d, YearMonth m) {
        List<String> measures = new ArrayList<>();
        d.components().forEach(c -> measures.add("limit." + c));
        d.components().forEach(c -> measures.add("usage." + c));
        measures.add("cost");
        ResultTable t = QueryEngine.run(d, Query.builder(Period.month(m)).dimensions("country")
                .measures(String.join(",", measures)).grandTotal(false).build());
        Map<String, Map<String, BigDecimal>> out = new HashMap<>();
        for (List<Object> row : t.rows()) {
            Map<String, BigDecimal> figures = new TreeMap<>();
            for (String measure : measures) {
                Object v = row.get(t.columnIndex(measure));
                figures.put(measure, v == null ? BigDecimal.ZERO : (BigDecimal) v);
            }
            out.put(String.valueOf(row.get(0)), figures);
        }
        return out;
    }

    /**
     * "A (uuid), B (uuid) and 2 more allocation(s): their causes" for the changed allocations of the share,
     * each distinct cause once.
     */
    private String shareCause(List<String> ids, YearMonth m, String figure) {
        List<String> labels = new ArrayList<>();
        Set<String> causes = new LinkedHashSet<>();
        for (String id : ids) {
            int i = newer.index(id);
            int j = older.index(id);
            if (labels.size() < CAUSES_SHOWN) {
                labels.add(i >= 0 ? newer.label(i) : older.label(j));
            }
            causes.add(cause(id, i, j, m, figure));
        }
        String who = String.join(", ", labels) + (ids.size() > CAUSES_SHOWN ? " and " + (ids.size() - CAUSES_SHOWN)
                + " more allocation(s)" : "");
        return who + ": " + String.join("; ", causes);
    }

    /** The diff's changes that explain {@code figure} of allocation {@code id} in {@code m}. */
    private String cause(String id, int i, int j, YearMonth m, String figure) {
        List<Change> specific = new ArrayList<>();
        List<Change> any = new ArrayList<>();
        Set<String> plans = new TreeSet<>();
        if (i >= 0) {
            newer.plans(i).forEach(p -> plans.add(PlanChanges.label(p)));
        }
        if (j >= 0) {
            older.plans(j).forEach(p -> plans.add(PlanChanges.label(p)));
        }
        List<Change> candidates = new ArrayList<>(byAllocation.getOrDefault(id, List.of()));
        prices.stream().filter(c -> plans.contains(c.subject())).forEach(candidates::add);
        for (Change c : candidates) {
            if (c.kind() == ChangeKind.USAGE_CHANGED && !m.equals(c.month())) {
                continue;
            }
            any.add(c);
            if (explains(c, m, figure)) {
                specific.add(c);
            }
        }
        List<Change> shown = specific.isEmpty() ? any : specific;
        return shown.isEmpty() ? "its limit or plan history changed (its orders)" : describe(shown);
    }

    /** The changes in words with their exact values; a plan's price changes together. */
    static String describe(List<Change> changes) {
        List<String> parts = new ArrayList<>();
        Map<String, List<String>> prices = new java.util.LinkedHashMap<>();
        for (Change c : changes) {
            if (c.kind() == ChangeKind.PRICE_CHANGED) {
                if (!prices.containsKey(c.subject())) {
                    parts.add(c.subject());
                }
                prices.computeIfAbsent(c.subject(), x -> new ArrayList<>()).add(c.item() + " " + c.oldToNew());
            } else {
                parts.add(describe(c));
            }
        }
        return String.join("; ", parts.stream().map(p -> prices.containsKey(p)
                ? "prices of plan " + p + " changed: " + String.join(", ", prices.get(p)) : p).toList());
    }

    /** Whether {@code c} can change {@code figure} in month {@code m}: a termination only from its month on. */
    private static boolean explains(Change c, YearMonth m, String figure) {
        return switch (c.kind()) {
            case USAGE_CHANGED -> figure.equals("usage." + c.item());
            case LIMIT_CHANGED -> figure.equals("limit." + c.item()) || figure.equals("cost");
            case PRICE_CHANGED -> figure.equals("cost");
            case ALLOCATION_ADDED -> true;
            case ALLOCATION_TERMINATED -> c.newValue() == null || !c.newValue().matches("\\d{4}-\\d{2}-\\d{2}")
                    || !m.isBefore(YearMonth.from(LocalDate.parse(c.newValue())));
            default -> false;
        };
    }

    /** A change in words, with its exact values. */
    static String describe(Change c) {
        return switch (c.kind()) {
            case USAGE_CHANGED -> "usage " + c.item() + " for " + c.month()
                    + (c.oldValue() == null ? " reported late" : c.newValue() == null ? " withdrawn" : " corrected")
                    + " (" + c.oldToNew() + ")";
            case LIMIT_CHANGED -> "limit " + c.item() + " changed (" + c.oldToNew() + ")";
            case ALLOCATION_ADDED -> "allocation added";
            case ALLOCATION_TERMINATED -> "allocation terminated (" + c.item() + " " + c.oldToNew() + ")";
            default -> c.kind().title() + ": " + c.item() + " " + c.oldToNew();
        };
    }

    /** One row per restated figure, typed: k-hours and money in their own columns, for the report's Restated sheet. */
    public static ResultTable table(List<Restatement> restated, LocalDate previousAsOf, List<String> notes) {
        List<Column> columns = List.of(Column.text("month", "Month"), Column.text("level", "Of"),
                Column.text("subject", "Country share or allocation"), Column.text("figure", "Figure"),
                new Column("old_khours", "Old k-hours", ColumnType.KHOURS, false),
                new Column("new_khours", "New k-hours", ColumnType.KHOURS, false),
                new Column("old_cost", "Old cost", ColumnType.MONEY, false),
                new Column("new_cost", "New cost", ColumnType.MONEY, false), Column.text("cause", "Cause"));
        List<List<Object>> rows = new ArrayList<>();
        for (Restatement r : restated) {
            String title = Measure.parse(r.figure(), 0).title();
            rows.add(Arrays.asList(r.month().toString(), r.level().label(), r.subject(), title,
                    r.money() ? null : r.oldValue(), r.money() ? null : r.newValue(),
                    r.money() ? r.oldValue() : null, r.money() ? r.newValue() : null, r.cause()));
        }
        List<String> all = new ArrayList<>();
        all.add(restated.isEmpty()
                ? "No figure of a month closed before " + YearMonth.from(previousAsOf) + " changed since the previous snapshot (data as of "
                        + previousAsOf + ")."
                : restated.size() + " figure(s) of months closed before " + YearMonth.from(previousAsOf)
                        + " changed since the previous snapshot (data as of " + previousAsOf + "); definitions in docs/definitions.md, \"Restatements\".");
        all.addAll(notes);
        return new ResultTable("restated", "Restated figures of closed months", columns, rows, null, all);
    }

    /** One dataset's figures of an allocation in a month, by measure key; zero where it had none. */
    private static final class Figures {
        private final Dataset d;
        private final Accrual accrual;
        private final RowFigures row;

        Figures(Dataset d, int from, int to) {
            this.d = d;
            this.accrual = Accrual.over(d, from, to);
            this.row = new RowFigures(d.components().size());
        }

        Map<String, BigDecimal> of(int i, int em, Set<String> components) {
            Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
            boolean active = i >= 0 && accrual.month(i, em, row);
            out.put("cost", active ? row.cost() : BigDecimal.ZERO);
            for (String c : components) {
                int k = d.componentIndex(c);
                out.put("limit." + c, active && k >= 0 && row.limit(k) != null ? row.limit(k) : BigDecimal.ZERO);
            }
            for (String c : components) {
                int k = d.componentIndex(c);
                out.put("usage." + c, active && k >= 0 && row.usage(k) != null ? row.usage(k) : BigDecimal.ZERO);
            }
            return out;
        }
    }
}
