package dev.tally.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A collection's filters by query parameter, in the order they are added (the order they are checked in, so
 * the first bad parameter is the one a 400 names). Most django-filter parameters are named after the field they
 * filter; the methods taking only field names add one such filter per name.
 */
final class FilterTable {
    private final Map<String, Filter> filters = new LinkedHashMap<>();

    /** One parameter whose name is not its field's, or whose filter is not one of the plain kinds. */
    FilterTable put(String param, Filter filter) {
        filters.put(param, filter);
        return this;
    }

    /** {@code name} (contains, any case) and {@code name_exact}, which every named collection has. */
    FilterTable names() {
        return put("name", Filter.icontains("name")).put("name_exact", Filter.exact("name"));
    }

    FilterTable icontains(String... fields) {
        return each(fields, Filter::icontains);
    }

    FilterTable exact(String... fields) {
        return each(fields, Filter::exact);
    }

    FilterTable uuid(String... fields) {
        return each(fields, Filter::uuid);
    }

    FilterTable url(String... fields) {
        return each(fields, Filter::url);
    }

    FilterTable bool(String... fields) {
        return each(fields, Filter::bool);
    }

    FilterTable since(String... fields) {
        return each(fields, Filter::since);
    }

    FilterTable choice(String field, Set<String> choices) {
        return put(field, Filter.choice(field, choices));
    }

    /** The year and the month of a {@code YYYY-MM-DD} field, as two parameters. */
    FilterTable yearAndMonth(String yearParam, String monthParam, String field) {
        return put(yearParam, Filter.prefix(field, "\\d{4}", 0, 4)).put(monthParam, Filter.prefix(field, "\\d{1,2}", 5, 7));
    }

    /** The filters, for {@link Endpoint}. */
    Map<String, Filter> map() {
        return filters;
    }

    private FilterTable each(String[] fields, Function<String, Filter> kind) {
        for (String field : fields) {
            put(field, kind.apply(field));
        }
        return this;
    }
}
