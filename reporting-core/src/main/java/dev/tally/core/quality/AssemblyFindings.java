package dev.tally.core.quality;

import dev.tally.core.fact.Flag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings noticed while snapshot records are turned into facts, where the evidence is still at
 * hand (docs/definitions.md, "Data quality"): the assembler says what it saw, this class says what it
 * means. {@link DataQuality#check} reports them with its own.
 */
public final class AssemblyFindings {
    private AssemblyFindings() {
    }

    /** A resource as the messages here name it: {@code 'name' (uuid)}, or its UUID when it has no name. */
    public static String resourceLabel(String resourceId, String name) {
        return name == null ? resourceId : "'" + name + "' (" + resourceId + ")";
    }

    /**
     * A resource whose own limits differ from those its last done order set; the resource's limits
     * are used from {@code from} (docs/definitions.md, "Limits over time").
     *
     * @param label the resource as the message names it: {@code 'name' (uuid)}, or its UUID
     */
    public static Finding limitsMismatch(String resourceId, String label, Map<String, BigDecimal> resourceLimits,
            Map<String, BigDecimal> orderLimits, LocalDate from) {
        return new Finding(FindingKind.LIMITS_MISMATCH, resourceId, "resource " + label + " has limits "
                + new TreeMap<>(resourceLimits) + " but its last done order set " + new TreeMap<>(orderLimits)
                + "; the resource's limits are used from " + from);
    }

    /**
     * Several usage reports for one resource, component and month, of which the latest {@code kept} (one per plan
     * period) count, giving {@code counted} (docs/definitions.md, "Usage and utilisation").
     */
    public static Finding duplicateUsage(String resourceId, String component, YearMonth month, int reports, int kept,
            BigDecimal counted) {
        String which = kept == 1 ? "the latest (" + counted.toPlainString() + ") counts"
                : "the latest " + kept + " (one per plan period) count, " + counted.toPlainString() + " in all";
        return new Finding(FindingKind.DUPLICATE_USAGE, resourceId, reports + " usage reports for " + component + " in "
                + month + " of resource " + resourceId + "; " + which);
    }

    /**
     * Usage records of {@code periods} plan periods (the plan switched in the month) for one resource, component and
     * month; they are added up to {@code total}.
     */
    public static Finding usagePlanPeriods(String resourceId, String component, YearMonth month, int periods,
            BigDecimal total) {
        return new Finding(FindingKind.USAGE_PLAN_PERIODS, resourceId, "resource " + resourceId + " has " + periods
                + " usage records for " + component + " in " + month + ", one per plan period (its plan switched that"
                + " month); they add up to " + total.toPlainString());
    }

    /**
     * A project that {@code allocations} resources name but the projects list lacks; they are counted under
     * {@code name}, the project name the first of them carries (docs/definitions.md, "Projects the list lacks").
     */
    public static Finding projectMissing(String projectId, String name, int allocations) {
        String label = name == null || name.isBlank() ? projectId : "'" + name + "' (" + projectId + ")";
        return new Finding(FindingKind.PROJECT_MISSING, projectId, "project " + label
                + " is not in the projects list (soft-deleted, or not visible to the harvest); its " + allocations
                + " allocation(s) are counted under the name their resources carry, without a field of science");
    }

    /**
     * An allocation whose LUMI option {@code is_industry} differs from its project's flag; reports use the option
     * (docs/definitions.md, "Two is_industry flags").
     *
     * @param label the resource as the message names it: {@code 'name' (uuid)}, or its UUID
     */
    public static Finding industryMismatch(String resourceId, String label, String projectId, String projectName,
            Flag option, Flag project) {
        String of = projectName == null || projectName.isBlank() ? projectId : "'" + projectName + "' (" + projectId + ")";
        return new Finding(FindingKind.INDUSTRY_MISMATCH, resourceId, "allocation " + label + " has the LUMI option is_industry="
                + option.label() + " but its project " + of + " has is_industry=" + project.label() + "; reports use the option");
    }

    /**
     * Months in which {@code plan}'s allocations existed whose prices no snapshot shows, though the plan's prices
     * changed at some time; they are priced with the prices of the snapshot of {@code source}
     * (docs/definitions.md, "Prices that change").
     */
    public static Finding pricesAssumed(String planId, String planName, java.util.SortedSet<YearMonth> months,
            YearMonth source) {
        String range = months.size() == 1 ? months.first().toString()
                : months.first() + "…" + months.last() + " (" + months.size() + " months)";
        return new Finding(FindingKind.PRICES_ASSUMED, planId, "plan '" + planName + "' (" + planId + ") changed its"
                + " prices at some time (Waldur keeps no price history) and no snapshot shows its prices in " + range
                + "; they are priced with the prices of the " + source + " snapshot (give a snapshot of that time"
                + " with --price-history)");
    }
}
