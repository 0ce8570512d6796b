package dev.tally.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One question to the data: the period, the dimensions to group by (in order), the measures (in
 * order), a filter, a sort, an optional top N with an "Other" bucket, optional subtotals per leading
 * dimensions, and a grand total. Build it with {@link #builder(Period)}:
 * <pre>
 * Query q = Query.builder(Period.parse("2025"))
 *         .dimensions("country, project").measures("allocations, cost, limit.cpu_k_hours")
 *         .filter("country in ('Finland','Denmark') and is_industry = true and month >= 2025-01")
 *         .sort("-cost").top(10).subtotals(true).build();
 * </pre>
 *
 * @param top how many groups to keep before the rest go to "Other"; 0 keeps all
 */
public record Query(Period period, List<Dimension> dimensions, List<Measure> measures, Filter filter, List<SortKey> sort,
        int top, boolean subtotals, boolean grandTotal) {
    public Query {
        Objects.requireNonNull(period, "period");
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        filter = filter == null ? Filter.ALL : filter;
        sort = List.copyOf(sort);
        if (measures.isEmpty()) {
            throw new QueryException("a query needs at least one measure");
        }
        if (top < 0) {
            throw new QueryException("top must be 0 (all) or positive, got " + top);
        }
        if (dimensions.stream().distinct().count() != dimensions.size()) {
            throw new QueryException("a dimension appears twice in " + dimensions.stream().map(Dimension::key).toList());
        }
    }

    /** A builder for a query over {@code period}. */
    public static Builder builder(Period period) {
        return new Builder(period);
    }

    /** Parses a comma-separated list of dimension names; errors give the 1-based position in {@code text}. */
    public static List<Dimension> parseDimensions(String text) {
        List<Dimension> out = new ArrayList<>();
        forEachItem(text, (item, pos) -> out.add(Dimension.byKey(item.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Dimension.unknown(item, pos))));
        return out;
    }

    /** Parses a comma-separated list of measure names; errors give the 1-based position in {@code text}. */
    public static List<Measure> parseMeasures(String text) {
        List<Measure> out = new ArrayList<>();
        forEachItem(text, (item, pos) -> out.add(Measure.parse(item, pos)));
        return out;
    }

    private interface ItemVisitor {
        void visit(String item, int position);
    }

    private static void forEachItem(String text, ItemVisitor visitor) {
        if (text == null) {
            return;
        }
        int start = 0;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            String raw = text.substring(start, end);
            int lead = 0;
            while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
                lead++;
            }
            String item = raw.strip();
            if (!item.isEmpty()) {
                visitor.visit(item, start + lead + 1);
            } else if (comma >= 0 || start > 0) {
                throw new QueryException("empty item in list '" + text + "'", start + 1);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
    }

    /** Collects a query's parts; {@link #build()} validates them. */
    public static final class Builder {
        private final Period period;
        private final List<Dimension> dimensions = new ArrayList<>();
        private final List<Measure> measures = new ArrayList<>();
        private Filter filter = Filter.ALL;
        private final List<SortKey> sort = new ArrayList<>();
        private int top;
        private boolean subtotals;
        private boolean grandTotal = true;

        private Builder(Period period) {
            this.period = Objects.requireNonNull(period, "period");
        }

        /** Adds dimensions, in order. */
        public Builder dimensions(Dimension... ds) {
            dimensions.addAll(List.of(ds));
            return this;
        }

        /** Adds dimensions from a comma-separated list such as {@code "country, project"}. */
        public Builder dimensions(String list) {
            dimensions.addAll(parseDimensions(list));
            return this;
        }

        /** Adds measures, in order. */
        public Builder measures(Measure... ms) {
            measures.addAll(List.of(ms));
            return this;
        }

        /** Adds measures from a comma-separated list such as {@code "allocations, cost, limit.cpu_k_hours"}. */
        public Builder measures(String list) {
            measures.addAll(parseMeasures(list));
            return this;
        }

        /** Sets the filter expression (blank keeps everything). */
        public Builder filter(String expression) {
            this.filter = Filter.parse(expression);
            return this;
        }

        /** Sets a parsed filter. */
        public Builder filter(Filter f) {
            this.filter = f;
            return this;
        }

        /** Adds sort keys from a comma-separated list; {@code -cost} sorts descending. */
        public Builder sort(String list) {
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    sort.add(SortKey.parse(s));
                }
            }
            return this;
        }

        /** Keeps the first {@code n} groups (after sorting) and puts the rest in "Other"; 0 keeps all. */
        public Builder top(int n) {
            this.top = n;
            return this;
        }

        /** Adds a subtotal row after each run of rows sharing their leading dimension values. */
        public Builder subtotals(boolean on) {
            this.subtotals = on;
            return this;
        }

        /** Whether to add a grand-total row (default true). */
        public Builder grandTotal(boolean on) {
            this.grandTotal = on;
            return this;
        }

        /** The query. */
        public Query build() {
            return new Query(period, dimensions, measures, filter, sort, top, subtotals, grandTotal);
        }
    }
}
