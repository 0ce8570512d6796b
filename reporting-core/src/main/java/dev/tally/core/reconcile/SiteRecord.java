package dev.tally.core.reconcile;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One amount from a site's accounting export, already in Waldur's component and unit.
 *
 * @param key the allocation or project UUID ({@link KeyKind}), as the site wrote it
 * @param source where it came from, for messages ({@code site.csv:12})
 */
public record SiteRecord(String key, YearMonth month, String component, BigDecimal amount, String source) {
    public SiteRecord {
        Checks.nonNull("key, month, component, amount", key, month, component, amount);
    }
}
