package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;

/** The dimension values of the row being aggregated: an allocation in a month, or an order. */
final class RowContext {
    private final Dataset d;
    int alloc;
    int month;
    int plan;
    int orderType = -1;
    int orderState = -1;

    RowContext(Dataset d) {
        this.d = d;
    }

    /** The code of a single-valued dimension (for {@code used_ai_tech}, use {@link #aiTech()}). */
    int code(Dimension dim) {
        return switch (dim) {
            case ALLOCATION -> alloc;
            case PROJECT -> d.project(alloc);
            case FIELD_OF_SCIENCE -> d.field(alloc);
            case CUSTOMER -> d.customer(alloc);
            case COUNTRY -> d.share(alloc);
            case COUNTRY_SOURCE -> d.countrySource(alloc).ordinal();
            case OFFERING -> d.offering(alloc);
            case ACCESS_TYPE -> d.accessType(alloc);
            case PLAN -> d.planLabel(plan);
            case RESOURCE_STATE -> d.state(alloc);
            case ORDER_TYPE -> orderType;
            case ORDER_STATE -> orderState;
            case IS_INDUSTRY -> d.industry(alloc).ordinal();
            case IS_COMMERCIAL -> d.commercial(alloc).ordinal();
            case IS_TRAINING -> d.training(alloc).ordinal();
            case USED_AI_TECH -> throw new IllegalStateException("used_ai_tech is multi-valued");
            case MONTH -> month;
            case QUARTER -> Math.floorDiv(month, 3);
            case YEAR -> Math.floorDiv(month, 12);
        };
    }

    int[] aiTech() {
        return d.aiTech(alloc);
    }
}
