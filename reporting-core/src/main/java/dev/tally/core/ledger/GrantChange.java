package dev.tally.core.ledger;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated change of a granted monthly limit: from {@code day} the component's limit is {@code after}
 * instead of {@code before}. A decrease is a negative {@link #change}; an allocation's start has
 * {@code before} zero, its end {@code after} zero (docs/definitions.md, "Limits ledger").
 */
public record GrantChange(LocalDate day, Cause cause, String component, BigDecimal before, BigDecimal after) {
    /** What made the change. */
    public enum Cause {
        /** The allocation began (its Create order completed). */
        START,
        /** An Update order completed (or the resource's own limits took over, docs/definitions.md §4). */
        CHANGE,
        /** The allocation ended (its Terminate order completed the day before). */
        END;

        /** The cause in lower case, as reports print it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public GrantChange {
        Checks.nonNull("day, cause, component, before, after", day, cause, component, before, after);
    }

    /** {@code after − before}: positive for an increase, negative for a cut. */
    public BigDecimal change() {
        return after.subtract(before);
    }
}
