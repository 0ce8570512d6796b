package dev.tally.core.aggregate;

import dev.tally.core.country.ShareKind;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Totals for one country share (or non-share offering) in one month.
 *
 * @param limits component type → summed limits of the active allocations
 * @param cost summed monthly cost, unrounded
 */
public record ShareSummary(String share, ShareKind kind, int allocations, int projects,
        Map<String, BigDecimal> limits, BigDecimal cost) {
    public ShareSummary {
        limits = Map.copyOf(limits);
    }
}
