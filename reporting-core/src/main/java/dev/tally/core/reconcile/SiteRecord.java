package dev.tally.core.reconcile;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One amount from a site's accounting export, already in Waldur's component and unit.
 *
 * @param key the allocation or project UUID ({@link KeyKind}), as the site wrote it
 * @param source where it came from, for messages ({@code site.csv:12})
 */
public record SiteRecord(String key, YearMonth month, String component, BigDecimal amount, String source) {
    public SiteRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(amount, "amount");
    }
}
