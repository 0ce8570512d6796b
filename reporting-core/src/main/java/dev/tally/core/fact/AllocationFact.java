package dev.tally.core.fact;

import dev.tally.core.check.Checks;
import dev.tally.core.cost.CostCalculator;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One allocation (a marketplace resource) as the core sees it: who holds it, which share it counts
 * in, and its limits over its lifetime.
 *
 * @param customerId the allocator's UUID; null when only the name is known
 * @param offeringId the offering's UUID; null when only the name is known
 * @param prices the plan from {@code activeFrom}
 * @param limits component type → amount from {@code activeFrom} (k-hours per month for LUMI)
 * @param activeFrom when the allocation started to exist; null if it never became active
 * @param activeUntil when it ended (its Terminate order completed); null while open-ended
 * @param changes later limit or plan changes, in time order
 * @param fieldOfScience the project's OECD FOS 2007 code ({@code "1.1"}); null when unknown or not set
 */
public record AllocationFact(
        String resourceId,
        String resourceName,
        String state,
        String projectId,
        String projectName,
        String customerId,
        String customerName,
        String offeringId,
        String offeringName,
        CountryShare share,
        PriceList prices,
        Map<String, BigDecimal> limits,
        LumiOptions options,
        Instant activeFrom,
        Instant activeUntil,
        List<LimitChange> changes,
        String fieldOfScience) {

    public AllocationFact {
        Checks.nonNull("resourceId, share, prices, options", resourceId, share, prices, options);
        limits = Map.copyOf(limits);
        changes = List.copyOf(changes);
        fieldOfScience = FieldOfScience.code(fieldOfScience);
    }

    /** An allocation whose project's field of science is unknown. */
    public AllocationFact(String resourceId, String resourceName, String state, String projectId, String projectName,
            String customerId, String customerName, String offeringId, String offeringName, CountryShare share,
            PriceList prices, Map<String, BigDecimal> limits, LumiOptions options, Instant activeFrom,
            Instant activeUntil, List<LimitChange> changes) {
        this(resourceId, resourceName, state, projectId, projectName, customerId, customerName, offeringId, offeringName,
                share, prices, limits, options, activeFrom, activeUntil, changes, null);
    }

    /** An allocation with one plan and one set of limits over its whole life, and no known customer or offering UUID. */
    public AllocationFact(String resourceId, String resourceName, String state, String projectId, String projectName,
            String customerName, String offeringName, CountryShare share, PriceList prices,
            Map<String, BigDecimal> limits, LumiOptions options, Instant activeFrom, Instant activeUntil) {
        this(resourceId, resourceName, state, projectId, projectName, null, customerName, null, offeringName, share,
                prices, limits, options, activeFrom, activeUntil, List.of());
    }

    /** The access type its offering's name gives ({@link AccessType#of}). */
    public String accessType() {
        return AccessType.of(offeringName);
    }

    /** True when the allocation existed on at least one day of {@code month} (UTC). */
    public boolean isActiveIn(YearMonth month) {
        if (activeFrom == null) {
            return false;
        }
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return activeFrom.isBefore(end) && (activeUntil == null || activeUntil.isAfter(start));
    }

    /** The limits in force after the last change. */
    public Map<String, BigDecimal> currentLimits() {
        return changes.isEmpty() ? limits : changes.get(changes.size() - 1).limits();
    }

    /** The plan in force after the last change. */
    public PriceList currentPrices() {
        return changes.isEmpty() ? prices : changes.get(changes.size() - 1).prices();
    }

    /** The cost of one full billing period at the current limits (the Waldur estimate, unrounded). */
    public BigDecimal monthlyCost() {
        return CostCalculator.estimate(currentPrices(), currentLimits());
    }

    /** The current limit of one component, zero when not set. */
    public BigDecimal limit(String component) {
        return currentLimits().getOrDefault(component, BigDecimal.ZERO);
    }
}
