package dev.tally.core.aggregate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The month's allocations per share and per project, with the grand total. {@code components}
 * fixes the column order of limits everywhere.
 */
public record MonthlySummary(YearMonth month, List<String> components, List<ShareSummary> shares,
        List<ProjectSummary> projects, int allocations, int projectCount, Map<String, BigDecimal> totalLimits,
        BigDecimal totalCost) {
    public MonthlySummary {
        components = List.copyOf(components);
        shares = List.copyOf(shares);
        projects = List.copyOf(projects);
        totalLimits = Map.copyOf(totalLimits);
    }
}
