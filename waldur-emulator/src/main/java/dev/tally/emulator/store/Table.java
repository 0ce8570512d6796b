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
    private final Map<String, R> byUuid = new HashMap<>();

    public Table(String name, Comparator<? super R> defaultOrder) {
        this.name = name;
        this.defaultOrder = defaultOrder;
    }

    public String name() {
        return name;
    }

    /** Inserts one row at its place in the default ordering; callers hold the write lock. */
    public void add(R row) {
        int at = Collections.binarySearch(rows, row, defaultOrder);
        rows.add(at < 0 ? -at - 1 : at + 1, row);
        byUuid.put(row.uuid(), row);
    }

    /** Removes one row (a hard delete); callers hold the write lock. */
    public void remove(R row) {
        rows.remove(row);
        byUuid.remove(row.uuid());
    }

    /** Adds many rows and sorts once, for dataset generation. */
    public void addAll(List<R> more) {
        rows.addAll(more);
        rows.sort(defaultOrder);
        for (R row : more) {
            byUuid.put(row.uuid(), row);
        }
    }

    /** Restores the default ordering after a row's sort key changed in place; callers hold the write lock. */
    public void resort() {
        rows.sort(defaultOrder);
    }

    /** All rows in the collection's default ordering (Waldur's model Meta.ordering); do not modify. */
    public List<R> rows() {
        return rows;
    }

    public Optional<R> find(String uuid) {
        return Optional.ofNullable(uuid == null ? null : byUuid.get(uuid));
    }

    public int size() {
        return rows.size();
    }
}
