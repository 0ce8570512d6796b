package dev.tally.core.history;

import dev.tally.core.check.Checks;
import java.time.YearMonth;

/**
 * One change between two snapshots. Values are exact: decimals as {@link java.math.BigDecimal#toPlainString()},
 * names as they are.
 *
 * @param month the billing month a usage change is for; null for the other kinds
 * @param resourceId the allocation the change belongs to; null for prices and projects
 * @param key the UUID of what changed: the allocation, order, plan or project (a name when no UUID is known)
 * @param subject what changed, for people: an allocation, order, plan or project label
 * @param item which part: a component type, {@code unit_price}, {@code name}, {@code customer} or {@code ended};
 *     empty when the whole subject was added or terminated
 * @param oldValue the value in the older snapshot; null when it had none
 * @param newValue the value in the newer snapshot; null when it has none
 */
public record Change(ChangeKind kind, YearMonth month, String resourceId, String key, String subject, String item, String oldValue,
        String newValue) {
    public Change {
        Checks.nonNull("kind, subject", kind, subject);
        item = item == null ? "" : item;
    }

    /** "old → new", with "none" for a missing side. */
    public String oldToNew() {
        return (oldValue == null ? "none" : oldValue) + " → " + (newValue == null ? "none" : newValue);
    }
}
