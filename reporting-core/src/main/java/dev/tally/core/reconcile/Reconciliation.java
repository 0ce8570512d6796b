package dev.tally.core.reconcile;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing two sources: the differences above the threshold, in share, label, month and
 * component order, and each share's totals over everything compared.
 *
 * @param months the months compared (those the other source covers)
 * @param compared how many key, month and component rows were compared
 */
public record Reconciliation(List<YearMonth> months, BigDecimal threshold, int compared, List<Difference> differences,
        List<ShareTotal> totals) {
    public Reconciliation {
        months = List.copyOf(months);
        Objects.requireNonNull(threshold, "threshold");
        differences = List.copyOf(differences);
        totals = List.copyOf(totals);
    }
}
