package dev.tally.core.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a query can group and filter by. The key is the name used in queries and as a column key. */
public enum Dimension {
    PROJECT("Project"),
    CUSTOMER("Allocator"),
    COUNTRY("Country share"),
    COUNTRY_SOURCE("Country source"),
    OFFERING("Offering"),
    PLAN("Plan"),
    RESOURCE_STATE("Resource state"),
    ORDER_TYPE("Order type"),
    ORDER_STATE("Order state"),
    IS_INDUSTRY("Industry"),
    IS_COMMERCIAL("Commercial"),
    IS_TRAINING("Training"),
    USED_AI_TECH("AI technology"),
    ACCESS_TYPE("Access type"),
    FIELD_OF_SCIENCE("Field of science"),
    ALLOCATION("Allocation"),
    MONTH("Month"),
    QUARTER("Quarter"),
    YEAR("Year");

    private final String title;

    Dimension(String title) {
        this.title = title;
    }

    /** The name used in queries: {@code project}, {@code used_ai_tech}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column title. */
    public String title() {
        return title;
    }

    /** The dimension with this query name, if any. */
    public static Optional<Dimension> byKey(String key) {
        for (Dimension d : values()) {
            if (d.key().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The error for a name that is no dimension: the dimension it is a typo of, else the list of all of them, so the
     * user's next try can be right.
     */
    static QueryException unknown(String name, int position) {
        List<String> keys = Arrays.stream(values()).map(Dimension::key).toList();
        return new QueryException("unknown dimension '" + name + "'", position, Typo.meant(name, keys)
                .map(k -> "did you mean '" + k + "'?").orElse("dimensions are " + String.join(", ", keys)));
    }

    /** Whether it describes orders only, so only the {@code orders} and {@code order_cost} measures can use it. */
    public boolean ordersOnly() {
        return this == ORDER_TYPE || this == ORDER_STATE;
    }

    /** Whether an allocation can have several values at once (it then appears once under each). */
    public boolean multiValued() {
        return this == USED_AI_TECH;
    }

    /** Whether values are compared in time order ({@code <}, {@code >=} allowed). */
    public boolean temporal() {
        return this == MONTH || this == QUARTER || this == YEAR;
    }

    /** Whether values are {@code true}, {@code false} or {@code unknown}. */
    public boolean flag() {
        return this == IS_INDUSTRY || this == IS_COMMERCIAL || this == IS_TRAINING;
    }
}
