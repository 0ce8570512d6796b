package dev.tally.core.aggregate;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out a {@link MonthlySummary} as result tables: one row per country share, one per project.
 *
 * <p>Presentation rounding (docs/definitions.md, "Rounding"): each project's cost is rounded half-up
 * to the cent ({@value #MONEY_SCALE} decimals) and each project's limits to {@value #KHOURS_SCALE}
 * decimals; share rows and totals are the sums of those rounded project figures, so every printed
 * table adds up exactly. The unrounded figures stay in the {@link MonthlySummary}.
 */
public final class SummaryTables {
    /** Decimals of money in the monthly report. */
    public static final int MONEY_SCALE = 2;
    /** Decimals of k-hour limits in the monthly report. */
    public static final int KHOURS_SCALE = 3;

    private SummaryTables() {
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal khours(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(KHOURS_SCALE) : v.setScale(KHOURS_SCALE, RoundingMode.HALF_UP);
    }

    /** Rounded cost and limits per share name and in total, summed from the rounded project rows. */
    private static Map<String, List<BigDecimal>> roundedShareSums(MonthlySummary s) {
        Map<String, List<BigDecimal>> sums = new LinkedHashMap<>();
        for (ProjectSummary p : s.projects()) {
            for (String key : List.of(p.share(), TOTAL)) {
                List<BigDecimal> row = sums.computeIfAbsent(key, k -> {
                    List<BigDecimal> zeros = new ArrayList<>();
                    for (int i = 0; i <= s.components().size(); i++) {
                        zeros.add(BigDecimal.ZERO);
                    }
                    return zeros;
                });
                for (int c = 0; c < s.components().size(); c++) {
                    row.set(c, row.get(c).add(khours(p.limits().get(s.components().get(c)))));
                }
                row.set(s.components().size(), row.get(s.components().size()).add(money(p.cost())));
            }
        }
        return sums;
    }

    private static final String TOTAL = "\u0000total";

    /** Country share, kind, allocations, projects, one limit column per component, cost; with a totals row. */
    public static ResultTable shares(MonthlySummary s) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("country_share", "Country share", ColumnType.TEXT),
                new Column("share_kind", "Kind", ColumnType.TEXT),
                new Column("allocations", "Active allocations", ColumnType.COUNT),
                new Column("projects", "Projects", ColumnType.COUNT)));
        s.components().forEach(c -> columns.add(new Column("limit." + c, "Limit " + c, ColumnType.KHOURS)));
        columns.add(new Column("cost", "Monthly cost", ColumnType.MONEY));
        List<List<Object>> rows = new ArrayList<>();
        Map<String, List<BigDecimal>> rounded = roundedShareSums(s);
        List<BigDecimal> none = roundedZeros(s);
        for (ShareSummary sh : s.shares()) {
            List<Object> row = new ArrayList<>(List.of(sh.share(), kindLabel(sh), (long) sh.allocations(), (long) sh.projects()));
            row.addAll(rounded.getOrDefault(sh.share(), none));
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>(List.of("Total", "", (long) s.allocations(), (long) s.projectCount()));
        totals.addAll(rounded.getOrDefault(TOTAL, none));
        return new ResultTable("summary", "Summary per country share, " + s.month(), columns, rows, totals,
                List.of("A project with allocations in two shares is counted in each share; the total counts it once.",
                        "Each project's cost is rounded to the cent and its limits to 0.001; shares and totals add up the rounded figures."));
    }

    /** One row per project and share with its allocations, limits and cost; with a totals row. */
    public static ResultTable projects(MonthlySummary s) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("country_share", "Country share", ColumnType.TEXT),
                new Column("project", "Project", ColumnType.TEXT),
                new Column("project_uuid", "Project UUID", ColumnType.TEXT),
                new Column("customer", "Allocator", ColumnType.TEXT),
                new Column("allocations", "Active allocations", ColumnType.COUNT)));
        s.components().forEach(c -> columns.add(new Column("limit." + c, "Limit " + c, ColumnType.KHOURS)));
        columns.add(new Column("cost", "Monthly cost", ColumnType.MONEY));
        List<List<Object>> rows = new ArrayList<>();
        for (ProjectSummary p : s.projects()) {
            List<Object> row = new ArrayList<>(List.of(p.share(), nz(p.projectName()), nz(p.projectId()), nz(p.customerName()),
                    (long) p.allocations()));
            s.components().forEach(c -> row.add(khours(p.limits().get(c))));
            row.add(money(p.cost()));
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>(List.of("Total", "", "", "", (long) s.allocations()));
        totals.addAll(roundedShareSums(s).getOrDefault(TOTAL, roundedZeros(s)));
        return new ResultTable("projects", "Projects, " + s.month(), columns, rows, totals, List.of());
    }

    private static List<BigDecimal> roundedZeros(MonthlySummary s) {
        List<BigDecimal> zeros = new ArrayList<>();
        s.components().forEach(c -> zeros.add(khours(BigDecimal.ZERO)));
        zeros.add(money(BigDecimal.ZERO));
        return zeros;
    }

    private static String kindLabel(ShareSummary s) {
        return switch (s.kind()) {
            case COUNTRY -> "country share";
            case UNASSIGNED -> "LUMI, country unknown";
            case NON_SHARE -> "not a country share";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
