package dev.tally.core.history;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.LimitSegments;
import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The limit changes and terminations of a {@link SnapshotDiff} that take effect in a month that was still open
 * when the older snapshot was taken (docs/definitions.md, "Restatements"): each with its allocation, project and
 * country share, old → new, the day it takes effect and the month it first affects. A change that took effect in
 * a closed month is not here: it restated that month's figures and {@link Restatements} lists those.
 */
public final class OpenMonthChanges {
    private static final Comparator<OpenMonthChange> ORDER = Comparator.comparing(OpenMonthChange::month)
            .thenComparing(OpenMonthChange::share, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(OpenMonthChange::allocation).thenComparing(OpenMonthChange::what);

    private OpenMonthChanges() {
    }

    /** The changes from {@code older} to {@code newer} that take effect on or after the first day of the older snapshot's month. */
    public static List<OpenMonthChange> between(Dataset older, Dataset newer, SnapshotDiff diff) {
        Allocations now = new Allocations(newer);
        LocalDate firstOpen = YearMonth.from(older.asOf()).atDay(1);
        List<OpenMonthChange> out = new ArrayList<>();
        for (Change c : diff.changes()) {
            int i = c.resourceId() == null ? -1 : now.index(c.resourceId());
            if (i < 0) {
                continue;
            }
            LocalDate effective;
            String what;
            String oldValue;
            String newValue;
            if (c.kind() == ChangeKind.LIMIT_CHANGED) {
                effective = LocalDate.ofEpochDay(limitSince(newer, i, c.item()));
                what = "limit " + c.item();
                oldValue = c.oldValue() == null ? "none" : c.oldValue();
                newValue = c.newValue() == null ? "none" : c.newValue();
            } else if (c.kind() == ChangeKind.ALLOCATION_TERMINATED && newer.lastDay(i) != Dataset.OPEN) {
                // the day its Terminate order completed, the last day the allocation counts (docs/definitions.md §3)
                effective = LocalDate.ofEpochDay(newer.lastDay(i));
                what = "state";
                oldValue = "active";
                newValue = "terminated on " + effective;
            } else {
                continue;
            }
            if (!effective.isBefore(firstOpen)) {
                out.add(new OpenMonthChange(YearMonth.from(effective), now.label(i), newer.projects().label(newer.project(i)),
                        newer.shares().label(newer.share(i)), what, oldValue, newValue, effective));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /**
     * The first day of the allocation's last run of limit segments in which {@code component} has its current value:
     * the day the change to that value took effect (docs/definitions.md §4: from the day its order completed). The
     * allocation's first day when it has had that value all along.
     */
    static int limitSince(Dataset d, int i, String component) {
        LimitSegments s = d.segments();
        int first = s.first(i);
        int k = s.end(i) - 1;
        if (k < first) {
            return d.firstDay(i);
        }
        BigDecimal current = limit(d, k, component);
        while (k > first && Allocations.sameValue(limit(d, k - 1, component), current)) {
            k--;
        }
        int from = s.from(k);
        return from == Dataset.NEVER || from < d.firstDay(i) ? d.firstDay(i) : from;
    }

    private static BigDecimal limit(Dataset d, int k, String component) {
        LimitSegments s = d.segments();
        for (int l = s.limitStart(k); l < s.limitEnd(k); l++) {
            if (d.componentName(s.component(l)).equals(component)) {
                return s.value(l);
            }
        }
        return null;
    }

    /** One row per change, for the report's "Changed, not restated" part of the Restated section. */
    public static ResultTable table(String name, List<OpenMonthChange> changes, LocalDate previousAsOf) {
        List<Column> columns = List.of(Column.text("month", "Month affected"), Column.text("allocation", "Allocation"),
                Column.text("project", "Project"), Column.text("country", "Country share"),
                Column.text("change", "What changed"), Column.text("old", "Old"), Column.text("new", "New"),
                Column.text("effective", "From day"));
        List<List<Object>> rows = new ArrayList<>();
        for (OpenMonthChange c : changes) {
            rows.add(Arrays.asList(c.month().toString(), c.allocation(), c.project(), c.share(), c.what(), c.oldValue(), c.newValue(),
                    c.effective().toString()));
        }
        String note = changes.isEmpty()
                ? "No limit change or termination since the previous snapshot (data as of " + previousAsOf + ") takes effect in an open month."
                : changes.size() + " change(s) since the previous snapshot (data as of " + previousAsOf + ") take effect from their day,"
                        + " in a month that was still open then (" + YearMonth.from(previousAsOf) + " or later): they change that"
                        + " month's figures and the ones after, and restate no closed month (docs/definitions.md, \"Restatements\").";
        return new ResultTable(name, "Changed since the previous report, taking effect in an open month (not restatements)", columns,
                rows, null, List.of(note));
    }
}
