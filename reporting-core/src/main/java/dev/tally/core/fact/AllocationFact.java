package dev.tally.core.fact;

import dev.tally.core.cost.CostCalculator;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * One allocation (a marketplace resource) as the core sees it.
 *
 * @param limits component type → allocated amount (k-hours per month for LUMI)
 * @param activeFrom when the allocation started to exist; null if it never became active
 * @param activeUntil when it ended (its Terminate order completed); null while open-ended
 */
public record AllocationFact(
        String resourceId,
        String resourceName,
        String state,
        String projectId,
        String projectName,
        String customerName,
        String offeringName,
        CountryShare share,
        PriceList prices,
        Map<String, BigDecimal> limits,
        LumiOptions options,
        Instant activeFrom,
        Instant activeUntil) {

    public AllocationFact {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(options, "options");
        limits = Map.copyOf(limits);
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

    /** The cost of one full billing period at the current limits (the Waldur estimate, unrounded). */
    public BigDecimal monthlyCost() {
        return CostCalculator.estimate(prices, limits);
    }

    /** The limit of one component, zero when not set. */
    public BigDecimal limit(String component) {
        return limits.getOrDefault(component, BigDecimal.ZERO);
    }
}
