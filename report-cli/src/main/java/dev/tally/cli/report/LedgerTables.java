package dev.tally.cli.report;

import dev.tally.core.country.ShareKind;
import dev.tally.core.ledger.AllocationLedger;
import dev.tally.core.ledger.Balance;
import dev.tally.core.ledger.GrantChange;
import dev.tally.core.ledger.Ledger;
import dev.tally.core.ledger.MonthPoint;
import dev.tally.core.ledger.ShareLedger;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits ledger as result tables (docs/definitions.md, "Limits ledger"): the balances per
 * allocation or per country share and component, the dated history of changes, and granted vs used
 * to date per month for the chart. Every figure comes from the core's {@link Ledger}.
 */
public final class LedgerTables {
    /** Whether rows are allocations or country shares. */
    public enum Grouping {
        ALLOCATION, COUNTRY
    }

    private static final String RATE_NOTE = "Burn rates are k-hours per day: the usage of each month spread evenly over the"
            + " allocation's days in it, over the last 30 or 90 days before the data's date.";

    private LedgerTables() {
    }

    /** One row per allocation (or share) and component; with entitlements, a share's part of the countries' limits against it. */
    public static ResultTable balances(String name, Ledger ledger, Grouping by, Entitlements entitlements) {
        List<Column> cols = new ArrayList<>();
        if (by == Grouping.ALLOCATION) {
            cols.add(new Column("allocation", "Allocation", ColumnType.TEXT));
        }
        cols.add(new Column("country", "Country share", ColumnType.TEXT));
        cols.add(new Column("component", "Component", ColumnType.TEXT));
        if (by == Grouping.COUNTRY) {
            cols.add(new Column("allocations", "Allocations", ColumnType.COUNT, false));
            cols.add(new Column("running", "Running", ColumnType.COUNT, false));
        } else {
            cols.add(new Column("started", "Started", ColumnType.DATE));
            cols.add(new Column("ended", "Ended", ColumnType.DATE));
            cols.add(new Column("end_date", "Scheduled end", ColumnType.DATE));
        }
        cols.add(khours("limit_now", "Monthly limit now"));
        if (by == Grouping.COUNTRY) {
            cols.add(new Column("limit_share", "Share of the countries' limits", ColumnType.PERCENT, false));
            if (!entitlements.isEmpty()) {
                cols.add(new Column("entitlement", "Entitlement", ColumnType.PERCENT, false));
            }
        }
        cols.add(khours("granted", "Granted to date"));
        cols.add(khours("used", "Used to date"));
        cols.add(khours("remaining", "Granted minus used"));
        cols.add(khours("available", "Available (running allocations)"));
        cols.add(khours("burn_30d", "Burn per day, last 30 days"));
        cols.add(khours("burn_90d", "Burn per day, last 90 days"));
        cols.add(new Column("exhaustion_30d", "Runs out at the 30-day rate", ColumnType.TEXT));
        cols.add(new Column("exhaustion_90d", "Runs out at the 90-day rate", ColumnType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        if (by == Grouping.ALLOCATION) {
            for (AllocationLedger a : ledger.allocations()) {
                for (Balance b : a.balances()) {
                    List<Object> row = new ArrayList<>(List.of(a.label(), a.share(), b.component(), a.started()));
                    row.add(a.lastDay());
                    row.add(a.endDate());
                    row.add(b.limitNow());
                    figures(row, b);
                    rows.add(row);
                }
            }
        } else {
            Map<String, BigDecimal> countryLimits = countryLimits(ledger);
            for (ShareLedger s : ledger.shares()) {
                for (Balance b : s.balances()) {
                    List<Object> row = new ArrayList<>(List.of(s.share(), b.component(), (long) s.allocations(), (long) s.running()));
                    row.add(b.limitNow());
                    BigDecimal all = countryLimits.get(b.component());
                    row.add(s.kind() != ShareKind.COUNTRY || all == null || all.signum() == 0 ? null
                            : b.limitNow().divide(all, MathContext.DECIMAL64));
                    if (!entitlements.isEmpty()) {
                        row.add(s.kind() == ShareKind.COUNTRY ? entitlements.of(s.share(), b.component()) : null);
                    }
                    figures(row, b);
                    rows.add(row);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("As of " + ledger.lastDay() + " (the last day before the data's time, " + ledger.asOf() + ").");
        notes.add("Granted to date: the monthly limits day-weighted over every month so far; available: granted minus used"
                + " of the allocations still running (an ended allocation's rest lapses).");
        notes.add(RATE_NOTE);
        if (by == Grouping.COUNTRY) {
            notes.add("Share of the countries' limits: the share's monthly limit now over all country shares' together.");
        }
        return new ResultTable(name, "Limits ledger per " + (by == Grouping.COUNTRY ? "country share" : "allocation")
                + ", as of " + ledger.lastDay(), cols, rows, null, notes);
    }

    private static void figures(List<Object> row, Balance b) {
        row.add(b.granted());
        row.add(b.used());
        row.add(b.remaining());
        row.add(b.available());
        row.add(b.burn30());
        row.add(b.burn90());
        row.add(b.exhaustion30().label());
        row.add(b.exhaustion90().label());
    }

    /** Per component, the monthly limits now of the country shares (not unassigned, not other offerings). */
    private static Map<String, BigDecimal> countryLimits(Ledger ledger) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (ShareLedger s : ledger.shares()) {
            if (s.kind() == ShareKind.COUNTRY) {
                s.balances().forEach(b -> out.merge(b.component(), b.limitNow(), BigDecimal::add));
            }
        }
        return out;
    }

    /** Every dated limit change, per allocation or (merged per day) per share, with the totals before and after. */
    public static ResultTable history(String name, Ledger ledger, Grouping by) {
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("day", "Day", ColumnType.DATE));
        cols.add(new Column(by == Grouping.COUNTRY ? "country" : "allocation", by == Grouping.COUNTRY ? "Country share" : "Allocation",
                ColumnType.TEXT));
        cols.add(new Column("component", "Component", ColumnType.TEXT));
        cols.add(new Column("cause", "Cause", ColumnType.TEXT));
        cols.add(khours("before", "Monthly limit before"));
        cols.add(khours("after", "Monthly limit after"));
        cols.add(new Column("change", "Change", ColumnType.KHOURS, true));
        List<List<Object>> rows = new ArrayList<>();
        if (by == Grouping.COUNTRY) {
            for (ShareLedger s : ledger.shares()) {
                s.history().forEach(g -> rows.add(change(g, s.share())));
            }
        } else {
            for (AllocationLedger a : ledger.allocations()) {
                a.history().forEach(g -> rows.add(change(g, a.label())));
            }
        }
        return new ResultTable(name, "Limit changes per " + (by == Grouping.COUNTRY ? "country share" : "allocation")
                + ", to " + ledger.lastDay(), cols, rows, null,
                List.of("Every Create and Update order's limits on its completion day; increases and decreases both count;"
                        + " an allocation's end takes its limits away."));
    }

    private static List<Object> change(GrantChange g, String who) {
        List<Object> row = new ArrayList<>(List.of(g.day(), who, g.component(), g.cause().label()));
        row.add(g.before());
        row.add(g.after());
        row.add(g.change());
        return row;
    }

    /** Granted and used to date at the end of each month, one column pair per component, for a chart. */
    public static ResultTable points(String name, String title, ShareLedger pool, List<String> components) {
        Map<YearMonth, Map<String, MonthPoint>> byMonth = new LinkedHashMap<>();
        for (MonthPoint p : pool.points()) {
            byMonth.computeIfAbsent(p.month(), k -> new LinkedHashMap<>()).put(p.component(), p);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("month", "Month", ColumnType.TEXT));
        for (String c : components) {
            cols.add(new Column("granted." + c, "Granted to date " + c, ColumnType.KHOURS, false));
            cols.add(new Column("used." + c, "Used to date " + c, ColumnType.KHOURS, false));
        }
        List<List<Object>> rows = new ArrayList<>();
        byMonth.forEach((month, points) -> {
            List<Object> row = new ArrayList<>();
            row.add(month.toString());
            for (String c : components) {
                MonthPoint p = points.get(c);
                row.add(p == null ? BigDecimal.ZERO : p.granted());
                row.add(p == null ? BigDecimal.ZERO : p.used());
            }
            rows.add(row);
        });
        return new ResultTable(name, title, cols, rows, null,
                List.of("At the end of each month (the last month up to the data's date): the monthly limits granted so far"
                        + " and the usage reported so far."));
    }

    private static Column khours(String key, String title) {
        return new Column(key, title, ColumnType.KHOURS, false);
    }
}
