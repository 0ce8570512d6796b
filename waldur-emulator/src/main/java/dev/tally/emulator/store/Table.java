package dev.tally.emulator.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One collection in its default ordering, with lookup by UUID. Guarded by the store's lock. */
public final class Table<R extends Row> {
    private final String name;
    private final Comparator<? super R> defaultOrder;
    private final List<R> rows = new ArrayList<>();
    // Built on the first lookup, not at start-up: a harvest pages through the two million usages of scale 20 without
    // ever looking one up by UUID, and their keys alone would be two million strings.
    private Map<String, R> byUuid;

    // Set when the default order is (this field's text, UUID): bulk sorts then read each key once, not per comparison.
    private final String sortField;

    public Table(String name, Comparator<? super R> defaultOrder) {
        this.name = name;
        this.defaultOrder = defaultOrder;
        this.sortField = null;
    }

    /** A table ordered by one text field, then by UUID (Waldur's {@code ordering = ("name",)} and the like). */
    public Table(String name, String sortField) {
        this.name = name;
        this.defaultOrder = Comparator.comparing((R r) -> r.get(sortField).asText()).thenComparing(Row::uuid);
        this.sortField = sortField;
    }

    /** A table of derived rows (e.g. a provider view over stored ones), sorted once; it is no part of the store. */
    static <R extends Row> Table<R> sorted(String name, Comparator<? super R> order, List<R> rows) {
        Table<R> table = new Table<>(name, order);
        table.addAll(rows);
        return table;
    }

    /** The same, ordered by one text field and then by UUID, each row's key read once for the sort. */
    static <R extends Row> Table<R> sorted(String name, String sortField, List<R> rows) {
        Table<R> table = new Table<>(name, sortField);
        table.addAll(rows);
        return table;
    }

    public String name() {
        return name;
    }

    /** Inserts one row at its place in the default ordering; callers hold the write lock. */
    void add(R row) {
        int at = Collections.binarySearch(rows, row, defaultOrder);
        rows.add(at < 0 ? -at - 1 : at + 1, row);
        index().put(row.uuid(), row);
    }

    /** Removes one row (a hard delete); callers hold the write lock. */
    void remove(R row) {
        rows.remove(row);
        index().remove(row.uuid());
    }

    /** Removes every row {@code doomed} accepts (hard deletes); callers hold the write lock. */
    void removeIf(java.util.function.Predicate<? super R> doomed) {
        rows.removeIf(doomed);
        byUuid = null;
    }

    /**
     * Adds many rows and sorts once, for dataset generation; the UUID index follows on the next lookup. Synchronized
     * like {@link #index()}, so a reader never sees the dropped index half-way.
     */
    synchronized void addAll(List<R> more) {
        rows.addAll(more);
        if (sortField == null) {
            rows.sort(defaultOrder);
        } else {
            sortByKeys();
        }
        byUuid = null;
    }

    private record Keyed<R>(String key, String uuid, R row) {
    }

    // The same order as defaultOrder, with the keys read once per row instead of twice per comparison.
    private void sortByKeys() {
        List<Keyed<R>> keyed = new ArrayList<>(rows.size());
        for (R row : rows) {
            keyed.add(new Keyed<>(row.get(sortField).asText(), row.uuid(), row));
        }
        keyed.sort((a, b) -> {
            int c = a.key().compareTo(b.key());
            return c != 0 ? c : a.uuid().compareTo(b.uuid());
        });
        for (int i = 0; i < keyed.size(); i++) {
            rows.set(i, keyed.get(i).row());
        }
    }

    /** Restores the default ordering after a row's sort key changed in place; callers hold the write lock. */
    void resort() {
        rows.sort(defaultOrder);
    }

    /** All rows in the collection's default ordering (Waldur's model Meta.ordering); do not modify. */
    public List<R> rows() {
        return rows;
    }

    public Optional<R> find(String uuid) {
        return Optional.ofNullable(uuid == null ? null : index().get(uuid));
    }

    /**
     * The UUID index, built here when missing. Readers call this concurrently under the store's read lock, so the
     * build is synchronized; the map is only changed under the write lock, when no reader runs.
     */
    private synchronized Map<String, R> index() {
        if (byUuid == null) {
            Map<String, R> index = new HashMap<>(rows.size() * 4 / 3 + 16);
            for (R row : rows) {
                index.put(row.uuid(), row);
            }
            byUuid = index;
        }
        return byUuid;
    }

    public int size() {
        return rows.size();
    }
}
