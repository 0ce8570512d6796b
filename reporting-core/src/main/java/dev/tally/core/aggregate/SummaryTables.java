package dev.tally.core.aggregate;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.util.ArrayList;
import java.util.List;

/** Lays out a {@link MonthlySummary} as result tables: one row per country share, one per project. */
public final class SummaryTables {
    private SummaryTables() {
    }

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
        for (ShareSummary sh : s.shares()) {
            List<Object> row = new ArrayList<>(List.of(sh.share(), kindLabel(sh), (long) sh.allocations(), (long) sh.projects()));
            s.components().forEach(c -> row.add(sh.limits().get(c)));
            row.add(sh.cost());
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>(List.of("Total", "", (long) s.allocations(), (long) s.projectCount()));
        s.components().forEach(c -> totals.add(s.totalLimits().get(c)));
        totals.add(s.totalCost());
        return new ResultTable("summary", "Summary per country share, " + s.month(), columns, rows, totals,
                List.of("A project with allocations in two shares is counted in each share; the total counts it once."));
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
            s.components().forEach(c -> row.add(p.limits().get(c)));
            row.add(p.cost());
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>(List.of("Total", "", "", "", (long) s.allocations()));
        s.components().forEach(c -> totals.add(s.totalLimits().get(c)));
        totals.add(s.totalCost());
        return new ResultTable("projects", "Projects, " + s.month(), columns, rows, totals, List.of());
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
