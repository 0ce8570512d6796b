package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.Table;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A read-only view of one API collection: which rows a user may see (others give 404), its filters and its
 * {@code o} orderings.
 *
 * @param model the Django model name used in 404 messages ("No Order matches the given query.")
 */
record Endpoint(String name, String model, boolean anonymousAllowed, Function<Store, Table<? extends Row>> table,
                BiPredicate<User, Row> visible, Map<String, Filter> filters, Set<String> orderings) {

    /**
     * The collections that hide rows from staff too: soft-deleted projects, and public offerings that are neither
     * Active nor Paused. Staff lists of the others skip the per-row visibility check.
     */
    private static final Set<String> HIDES_FROM_STAFF = Set.of("projects", "marketplace-public-offerings");

    /** Visible rows that pass every filter in the request, in the requested or default order. */
    List<Row> select(Store store, Request request) {
        List<Predicate<Row>> predicates = new ArrayList<>();
        for (Map.Entry<String, Filter> filter : filters.entrySet()) {
            List<String> values = request.params(filter.getKey());
            if (!values.isEmpty()) {
                Predicate<Row> predicate = filter.getValue().parse(filter.getKey(), values, request.user(), store);
                if (predicate != null) {
                    predicates.add(predicate);
                }
            }
        }
        Comparator<Row> order = ordering(request.params("o"));
        if (order != null && Endpoints.isTableOrder(name, request.params("o"))) {
            // The table is sorted by that field, then UUID: a stable sort on the field alone would change nothing.
            order = null;
        }
        User user = request.user();
        if (predicates.isEmpty() && order == null && user != null && user.staff() && !HIDES_FROM_STAFF.contains(name)) {
            // A staff harvest pages through whole collections: the table is already in default order, so
            // a page costs O(page), not a scan of millions of rows. Callers hold the read lock while paging.
            return Collections.unmodifiableList(table.apply(store).rows());
        }
        Comparator<Row> sort = order;
        return store.selection(selectionKey(request), () -> scan(store, request, predicates, sort));
    }

    /**
     * What {@link #select} depends on besides the data: the collection, the user, the filter parameters, the ordering
     * and {@code include_terminated}; not the page, its size or the fields shown.
     */
    private String selectionKey(Request request) {
        StringBuilder key = new StringBuilder(name).append('\u0000')
                .append(request.user() == null ? "" : request.user().username());
        for (String param : filters.keySet()) {
            key.append('\u0000').append(param).append('=').append(request.params(param));
        }
        key.append("\u0000o=").append(request.params("o"))
                .append("\u0000include_terminated=").append(request.params("include_terminated"));
        return key.toString();
    }

    private List<Row> scan(Store store, Request request, List<Predicate<Row>> predicates, Comparator<Row> order) {
        List<Row> result = new ArrayList<>();
        for (Row row : table.apply(store).rows()) {
            if (!available(request, row)) {
                continue;
            }
            boolean keep = true;
            for (Predicate<Row> predicate : predicates) {
                if (!predicate.test(row)) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                result.add(row);
            }
        }
        if (order != null) {
            // List.sort is stable, so ties keep the default ordering.
            result.sort(order);
        }
        return result;
    }

    /** Looks a row up as Waldur's get_object does: malformed UUID "Not found.", invisible or absent "No X matches". */
    Row find(Store store, Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        if (uuid == null) {
            throw ApiException.detail(404, "Not found.");
        }
        Row row = table.apply(store).find(uuid).orElse(null);
        if (row == null || !available(request, row)) {
            throw ApiException.notFound(model);
        }
        return row;
    }

    /** {@link #find} for the collections stored as JSON trees (customers, projects, orders, resources). */
    JsonRow findStored(Store store, Request request, String rawUuid) {
        return (JsonRow) find(store, request, rawUuid);
    }

    /**
     * Visible to the caller, and not soft-deleted unless {@code ?include_terminated=true}: Waldur's ProjectViewSet
     * uses {@code Project.available_objects} for every action otherwise. Only projects carry {@code is_removed}.
     */
    boolean available(Request request, Row row) {
        if (!visible.test(request.user(), row)) {
            return false;
        }
        JsonNode removed = row.get("is_removed");
        return removed == null || !removed.asBoolean()
                || request.params("include_terminated").stream().anyMatch(v -> v.equalsIgnoreCase("true"));
    }

    /**
     * What decides the order of a list request, without the UUID the tables break ties with: the {@code ?o=}
     * ordering when one is given, else Waldur's default ordering (docs/emulator.md, "Read endpoints"). Rows equal
     * under it are the ones PostgreSQL may list in any order. Null when the view has no such ordering.
     */
    Comparator<Row> tieOrder(Request request) {
        Comparator<Row> requested = ordering(request.params("o"));
        return requested != null ? requested : Endpoints.defaultOrderWithoutUuid(name);
    }

    private Comparator<Row> ordering(List<String> values) {
        if (orderings.isEmpty()) {
            // A view without an OrderingFilter (e.g. marketplace-plans): DRF ignores ?o=.
            return null;
        }
        Comparator<Row> order = null;
        for (String value : values) {
            for (String part : value.split(",")) {
                String key = part.strip();
                if (key.isEmpty()) {
                    continue;
                }
                boolean descending = key.startsWith("-");
                String field = descending ? key.substring(1) : key;
                if (!orderings.contains(field)) {
                    throw ApiException.field("o",
                            "Select a valid choice. " + key + " is not one of the available choices.");
                }
                Comparator<Row> next = (a, b) -> compareValues(a.get(field), b.get(field));
                if (descending) {
                    next = next.reversed();
                }
                order = order == null ? next : order.thenComparing(next);
            }
        }
        return order;
    }

    // PostgreSQL puts NULLs last in ascending order; decimals (strings) compare numerically.
    static int compareValues(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) {
            return Boolean.compare(aNull, bNull);
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        BigDecimal da = decimalOrNull(a.asText());
        BigDecimal db = decimalOrNull(b.asText());
        if (da != null && db != null) {
            return da.compareTo(db);
        }
        return a.asText().compareTo(b.asText());
    }

    private static BigDecimal decimalOrNull(String text) {
        if (!text.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(text);
    }
}
