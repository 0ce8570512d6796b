package dev.tally.core.history;

import dev.tally.core.check.Checks;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between an older and a newer snapshot's datasets (docs/definitions.md, "Changes between
 * snapshots"): allocations added and terminated, limits, late or corrected usage of closed months, order
 * costs, prices, and projects renamed or moved. Compared on the facts the core assembled, so a change
 * that does not change a fact (a field Tally does not read) is not one.
 *
 * @param oldAsOf the older dataset's date; months before its month were closed when it was taken
 * @param newAsOf the newer dataset's date
 * @param period the period the changes were limited to, or null for all
 * @param changes grouped by kind in {@link ChangeKind} order, then by subject, month and item
 */
public record SnapshotDiff(LocalDate oldAsOf, LocalDate newAsOf, Period period, List<Change> changes) {
    private static final Comparator<Change> ORDER = Comparator.comparing(Change::kind)
            .thenComparing(Change::subject, String.CASE_INSENSITIVE_ORDER).thenComparing(Change::subject)
            .thenComparing(c -> c.month() == null ? YearMonth.of(1, 1) : c.month()).thenComparing(Change::item);

    public SnapshotDiff {
        Checks.nonNull("oldAsOf, newAsOf", oldAsOf, newAsOf);
        changes = changes.stream().sorted(ORDER).toList();
    }

    /** Every change from {@code older} to {@code newer}. */
    public static SnapshotDiff between(Dataset older, Dataset newer) {
        return between(older, newer, null);
    }

    /**
     * The changes from {@code older} to {@code newer} that touch {@code period}: allocations that existed
     * on a day of it, usage of its months, orders counted in it; prices and projects have no date and
     * always count. A null period means all.
     */
    public static SnapshotDiff between(Dataset older, Dataset newer, Period period) {
        Allocations a = new Allocations(older);
        Allocations b = new Allocations(newer);
        List<Change> out = new ArrayList<>();
        AllocationChanges.addTo(a, b, period, out);
        UsageChanges.addTo(a, b, period, out);
        OrderChanges.addTo(a, b, period, out);
        PlanChanges.addTo(older, newer, out);
        ProjectChanges.addTo(a, b, out);
        return new SnapshotDiff(older.asOf(), newer.asOf(), period, out);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many changes of each kind, every kind listed (zero when none), in {@link ChangeKind} order. */
    public Map<ChangeKind, Integer> counts() {
        Map<ChangeKind, Integer> out = new EnumMap<>(ChangeKind.class);
        for (ChangeKind k : ChangeKind.values()) {
            out.put(k, 0);
        }
        changes.forEach(c -> out.merge(c.kind(), 1, Integer::sum));
        return out;
    }

    /** The changes of one kind. */
    public List<Change> of(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** The first month that was still open when the older snapshot was taken. */
    public YearMonth firstOpenMonth() {
        return YearMonth.from(oldAsOf);
    }

    /** One row per change (kind, month, subject, item, old, new), for CSV, JSON and workbooks. */
    public ResultTable table() {
        List<Column> columns = List.of(Column.text("kind", "Change"), Column.text("month", "Month"),
                Column.text("subject", "Subject"), Column.text("id", "UUID"), Column.text("item", "Item"),
                Column.text("old", "Old value"), Column.text("new", "New value"));
        List<List<Object>> rows = new ArrayList<>();
        for (Change c : changes) {
            rows.add(java.util.Arrays.asList(c.kind().key(), c.month() == null ? "" : c.month().toString(), c.subject(),
                    c.key() == null ? "" : c.key(), c.item(), c.oldValue() == null ? "" : c.oldValue(),
                    c.newValue() == null ? "" : c.newValue()));
        }
        List<String> notes = new ArrayList<>();
        notes.add(changes.size() + " change(s) from the snapshot of " + oldAsOf + " to the snapshot of " + newAsOf
                + (period == null ? "" : ", limited to " + period.label()) + "; definitions in docs/definitions.md.");
        return new ResultTable("diff", "Changes between snapshots", columns, rows, null, notes);
    }
}
