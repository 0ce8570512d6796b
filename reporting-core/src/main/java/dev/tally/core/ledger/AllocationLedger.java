package dev.tally.core.ledger;

import dev.tally.core.check.Checks;
import java.time.LocalDate;
import java.util.List;

/**
 * One allocation's ledger on the as-of date.
 *
 * @param index the allocation's index in the dataset
 * @param label {@code name (uuid)}, as the {@code allocation} dimension shows it
 * @param share the country share (or non-share offering) it counts in
 * @param started its first day
 * @param lastDay its last day, or null while it runs
 * @param endDate the end date Waldur has scheduled for it, or null
 * @param history every dated change of its limits, in time order
 * @param balances one per component it ever had a limit or usage for, in the dataset's component order
 */
public record AllocationLedger(int index, String resourceId, String label, String share, LocalDate started,
        LocalDate lastDay, LocalDate endDate, List<GrantChange> history, List<Balance> balances) {
    public AllocationLedger {
        Checks.nonNull("resourceId, label, share, started", resourceId, label, share, started);
        history = List.copyOf(history);
        balances = List.copyOf(balances);
    }

    /** Whether it still runs on the as-of date. */
    public boolean running() {
        return lastDay == null;
    }
}
