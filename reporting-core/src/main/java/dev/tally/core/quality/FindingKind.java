package dev.tally.core.quality;

/** The data-quality checks, each with the severity its findings carry. */
public enum FindingKind {
    /** A LUMI offering whose country could not be resolved; its allocations are reported as {@code (unassigned)}. */
    UNASSIGNED_COUNTRY(Severity.WARNING),
    /** Limits set on a component the plan does not list; they cost nothing. */
    LIMIT_NOT_IN_PLAN(Severity.WARNING),
    /** The cost Waldur stored on an order differs, to the cent, from the core's recomputation. */
    COST_MISMATCH(Severity.ERROR),
    /** A usage report for a resource that is unknown or did not exist in the billing month; not counted. */
    USAGE_WITHOUT_ALLOCATION(Severity.WARNING),
    /** Usage above the limit of the same component in the same month. */
    USAGE_ABOVE_LIMIT(Severity.WARNING),
    /** An order that names a resource not in the data; not counted in any query. */
    ORDER_WITHOUT_RESOURCE(Severity.ERROR),
    /**
     * More usage reports for one resource, component and month than it had plan periods (a record read twice, a
     * recurring usage copied over); the latest one per plan period counts.
     */
    DUPLICATE_USAGE(Severity.INFO),
    /** The resource's current limits differ from those of its last done order; the resource's limits win for the current month. */
    LIMITS_MISMATCH(Severity.WARNING),
    /**
     * Resources name a project the projects list lacks (soft-deleted, or not visible to the harvest's token); their
     * allocations are counted under the project name the resources carry.
     */
    PROJECT_MISSING(Severity.WARNING),
    /** The project's {@code is_industry} and the allocation's LUMI option {@code is_industry} disagree; the option counts. */
    INDUSTRY_MISMATCH(Severity.WARNING),
    /** A usage report below zero; Waldur never records one, so the data is damaged. Counted as reported. */
    NEGATIVE_USAGE(Severity.ERROR),
    /** A usage of a component the allocation's plan (its offering's components) does not have. Counted as reported. */
    USAGE_NOT_IN_OFFERING(Severity.ERROR),
    /**
     * A plan's prices changed at some time (Waldur keeps no history) and no snapshot shows the prices of some months
     * its allocations existed in; those months are priced with the nearest snapshot's prices.
     */
    PRICES_ASSUMED(Severity.WARNING),
    /**
     * More than one usage record for one resource, component and month: records of different plan periods, which
     * are added up (docs/definitions.md, "Usage and utilisation").
     */
    USAGE_PLAN_PERIODS(Severity.INFO);

    private final Severity severity;

    FindingKind(Severity severity) {
        this.severity = severity;
    }

    /** The severity of findings of this kind. */
    public Severity severity() {
        return severity;
    }

    /** The machine name used in reports, such as {@code cost_mismatch}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
