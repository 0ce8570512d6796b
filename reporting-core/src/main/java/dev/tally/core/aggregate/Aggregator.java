package dev.tally.core.aggregate;

import dev.tally.core.dataset.Accrual;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.RowFigures;
import dev.tally.core.fact.AllocationFact;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly summary: the allocations that existed in a month, per country share and per project.
 * Shares come first (alphabetically), then {@code (unassigned)}, then non-share offerings, so the
 * table reads the way the consortium reports it. Cost and limits follow docs/definitions.md: prorated
 * by the days on which each allocation existed, so a partial month costs part of a month. Totals are
 * exact sums of the rows (projects: distinct projects).
 *
 * <p>For any other grouping, use {@code dev.tally.core.query.QueryEngine}; this class keeps the fixed
 * layout the monthly report has always had.
 */
public final class Aggregator {
    private Aggregator() {
    }

    /** Summarises {@code facts} for {@code month}. */
    public static MonthlySummary summarise(List<AllocationFact> facts, YearMonth month) {
        return summarise(Dataset.of(facts, month.atEndOfMonth()), month);
    }

    /** Summarises a dataset for {@code month}. */
    public static MonthlySummary summarise(Dataset d, YearMonth month) {
        List<String> components = d.components();
        int[] index = components.stream().mapToInt(d::componentIndex).toArray();
        int em = Dataset.epochMonth(month);
        Accrual accrual = d.accrual((int) month.atDay(1).toEpochDay(), (int) month.atEndOfMonth().toEpochDay());
        RowFigures fig = new RowFigures(components.size());

        Map<Integer, Sums> byShare = new HashMap<>();
        Map<Long, Sums> byProject = new LinkedHashMap<>();
        Sums total = new Sums(components.size());
        for (int i = 0; i < d.size(); i++) {
            if (!accrual.month(i, em, fig)) {
                continue;
            }
            int share = d.share(i);
            int project = d.project(i);
            total.add(fig, index, project);
            byShare.computeIfAbsent(share, k -> new Sums(components.size())).add(fig, index, project);
            Sums p = byProject.computeIfAbsent(((long) share << 32) | project, k -> new Sums(components.size()));
            p.add(fig, index, project);
            if (p.customer < 0) {
                p.customer = d.customer(i);
            }
        }
        Comparator<Integer> shareOrder = Comparator.comparing((Integer s) -> d.shareKind(s).ordinal())
                .thenComparing(s -> d.shares().label(s));
        List<ShareSummary> shares = new ArrayList<>();
        List<ProjectSummary> projects = new ArrayList<>();
        byShare.keySet().stream().sorted(shareOrder).forEach(s -> {
            Sums sums = byShare.get(s);
            String name = d.shares().label(s);
            shares.add(new ShareSummary(name, d.shareKind(s), (int) sums.allocations, sums.projects.cardinality(),
                    sums.limits(components), sums.cost));
            List<ProjectSummary> rows = new ArrayList<>();
            byProject.forEach((key, p) -> {
                if ((int) (key >>> 32) == s) {
                    int project = (int) (long) key;
                    rows.add(new ProjectSummary(name, d.projects().id(project), d.projects().label(project),
                            d.customers().label(p.customer), (int) p.allocations, p.limits(components), p.cost));
                }
            });
            rows.sort(Comparator.comparing(ProjectSummary::projectName, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(ProjectSummary::projectId, Comparator.nullsLast(Comparator.naturalOrder())));
            projects.addAll(rows);
        });
        return new MonthlySummary(month, components, shares, projects, (int) total.allocations,
                total.projects.cardinality(), total.limits(components), total.cost);
    }

    /** Running sums for one row of the summary. */
    private static final class Sums {
        long allocations;
        BigDecimal cost = BigDecimal.ZERO;
        final BigDecimal[] limits;
        final BitSet projects = new BitSet();
        int customer = -1;

        Sums(int components) {
            limits = new BigDecimal[components];
            java.util.Arrays.fill(limits, BigDecimal.ZERO);
        }

        void add(RowFigures f, int[] index, int project) {
            allocations++;
            projects.set(project);
            cost = cost.add(f.cost());
            for (int c = 0; c < index.length; c++) {
                BigDecimal l = f.limit(index[c]);
                if (l != null) {
                    limits[c] = limits[c].add(l);
                }
            }
        }

        Map<String, BigDecimal> limits(List<String> components) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            for (int c = 0; c < components.size(); c++) {
                out.put(components.get(c), limits[c]);
            }
            return out;
        }
    }
}
