package dev.tally.core.query;

import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AccessType;
import dev.tally.core.fact.FieldOfScience;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import java.util.Comparator;
import java.util.Locale;

/** Labels, value domains and the natural order of each dimension's codes in one dataset. */
final class DimensionValues {
    private final Dataset d;

    DimensionValues(Dataset d) {
        this.d = d;
    }

    /** How many codes a non-temporal dimension has. */
    int domainSize(Dimension dim) {
        return switch (dim) {
            case ALLOCATION -> d.size();
            case PROJECT -> d.projects().size();
            case FIELD_OF_SCIENCE -> d.fields().size();
            case CUSTOMER -> d.customers().size();
            case COUNTRY -> d.shares().size();
            case COUNTRY_SOURCE -> CountrySource.values().length;
            case OFFERING -> d.offerings().size();
            case ACCESS_TYPE -> d.accessTypes().size();
            case PLAN -> d.planLabels().size();
            case RESOURCE_STATE -> d.states().size();
            case ORDER_TYPE -> OrderType.values().length;
            case ORDER_STATE -> OrderState.values().length;
            case IS_INDUSTRY, IS_COMMERCIAL, IS_TRAINING -> Flag.values().length;
            case USED_AI_TECH -> d.aiValues().size();
            case MONTH, QUARTER, YEAR -> throw new IllegalArgumentException(dim.key() + " has no finite domain");
        };
    }

    /** The label reports show for a code. */
    String label(Dimension dim, int code) {
        return switch (dim) {
            case ALLOCATION -> allocationLabel(code);
            case PROJECT -> d.projects().label(code);
            case FIELD_OF_SCIENCE -> d.fields().label(code);
            case CUSTOMER -> d.customers().label(code);
            case COUNTRY -> d.shares().label(code);
            case COUNTRY_SOURCE -> CountrySource.values()[code].name().toLowerCase(Locale.ROOT);
            case OFFERING -> d.offerings().label(code);
            case ACCESS_TYPE -> d.accessTypes().label(code);
            case PLAN -> d.planLabels().label(code);
            case RESOURCE_STATE -> d.states().label(code);
            case ORDER_TYPE -> OrderType.values()[code].label();
            case ORDER_STATE -> OrderState.values()[code].label();
            case IS_INDUSTRY, IS_COMMERCIAL, IS_TRAINING -> Flag.values()[code].label();
            case USED_AI_TECH -> d.aiValues().label(code);
            case MONTH -> Dataset.month(code).toString();
            case QUARTER -> Math.floorDiv(code, 4) + "-Q" + (Math.floorMod(code, 4) + 1);
            case YEAR -> Integer.toString(code);
        };
    }

    /**
     * Whether a filter's text names a code: its label, case-insensitively; an allocation also by its
     * resource UUID or its name alone, a field of science also by its bare OECD code ({@code 1.1}).
     */
    boolean matches(Dimension dim, int code, String text) {
        return switch (dim) {
            case ALLOCATION -> text.equalsIgnoreCase(d.resourceId(code)) || text.equalsIgnoreCase(d.resourceName(code))
                    || text.equalsIgnoreCase(allocationLabel(code));
            case FIELD_OF_SCIENCE -> text.equalsIgnoreCase(d.fieldCode(code)) || text.equalsIgnoreCase(label(dim, code));
            default -> label(dim, code).equalsIgnoreCase(text);
        };
    }

    /** {@code name (uuid)}, or the UUID alone when the resource has no name: names repeat, UUIDs do not. */
    private String allocationLabel(int i) {
        String name = d.resourceName(i);
        return name == null || name.isBlank() ? d.resourceId(i) : name + " (" + d.resourceId(i) + ")";
    }

    /**
     * The order rows appear in: countries alphabetically, then {@code (unassigned)}, then non-share
     * offerings; {@code used_ai_tech} and {@code access_type} alphabetically with {@code (none)} last;
     * {@code field_of_science} in the classification's order (1.1, 1.2, …, 2.10) with {@code (none)} last;
     * flags true, false, unknown;
     * time in time order; order types and states in Waldur's order; other text alphabetically.
     */
    Comparator<Integer> order(Dimension dim) {
        Comparator<Integer> byLabel = Comparator.comparing((Integer c) -> label(dim, c), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(c -> label(dim, c));
        return switch (dim) {
            case COUNTRY -> Comparator.comparing((Integer c) -> d.shareKind(c).ordinal()).thenComparing(byLabel);
            case USED_AI_TECH -> Comparator.comparing((Integer c) -> label(dim, c).equals(Dataset.NO_AI_TECH))
                    .thenComparing(byLabel);
            case ACCESS_TYPE -> Comparator.comparing((Integer c) -> label(dim, c).equals(AccessType.NONE))
                    .thenComparing(byLabel);
            case FIELD_OF_SCIENCE -> Comparator.comparingLong((Integer c) -> FieldOfScience.rank(d.fieldCode(c)))
                    .thenComparing(byLabel);
            case IS_INDUSTRY, IS_COMMERCIAL, IS_TRAINING, MONTH, QUARTER, YEAR, ORDER_TYPE, ORDER_STATE, COUNTRY_SOURCE ->
                    Comparator.naturalOrder();
            default -> byLabel;
        };
    }
}
