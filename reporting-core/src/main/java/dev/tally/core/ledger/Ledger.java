package dev.tally.core.ledger;

import dev.tally.core.check.Checks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The limits ledger of a dataset on its as-of time (docs/definitions.md, "Limits ledger").
 *
 * @param asOf the snapshot's time
 * @param lastDay the last day counted: the last day that began before {@code asOf}
 * @param components the components that appear, in the dataset's order
 * @param allocations one per selected allocation that began by {@code lastDay}, in dataset order
 * @param shares one per share with such allocations: countries alphabetically, then {@code (unassigned)}, then other offerings
 * @param total every selected allocation as one pool, with its monthly points
 */
public record Ledger(Instant asOf, LocalDate lastDay, List<String> components, List<AllocationLedger> allocations,
        List<ShareLedger> shares, ShareLedger total) {
    public Ledger {
        Checks.nonNull("asOf, lastDay", asOf, lastDay);
        components = List.copyOf(components);
        allocations = List.copyOf(allocations);
        shares = List.copyOf(shares);
        Objects.requireNonNull(total, "total");
    }
}
