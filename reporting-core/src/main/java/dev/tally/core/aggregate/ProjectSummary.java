package dev.tally.core.aggregate;

import java.math.BigDecimal;
import java.util.Map;

/** Totals for one project within one share in one month. */
public record ProjectSummary(String share, String projectId, String projectName, String customerName,
        int allocations, Map<String, BigDecimal> limits, BigDecimal cost) {
    public ProjectSummary {
        limits = Map.copyOf(limits);
    }
}
