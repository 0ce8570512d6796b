package dev.tally.core.ledger;

import dev.tally.core.country.ShareKind;
import java.util.List;
import java.util.Objects;

/**
 * A country share's ledger: its allocations' changes merged by day and component (each with the
 * share's total before and after), its balances (sums over its allocations, projected as one pool)
 * and its monthly granted-vs-used points.
 *
 * @param kind whether it is a country, {@code (unassigned)} or another offering; null for the total of all shares
 * @param allocations how many of its allocations began by the as-of date
 * @param running how many of them still run
 */
public record ShareLedger(String share, ShareKind kind, int allocations, int running, List<GrantChange> history,
        List<Balance> balances, List<MonthPoint> points) {
    public ShareLedger {
        Objects.requireNonNull(share, "share");
        history = List.copyOf(history);
        balances = List.copyOf(balances);
        points = List.copyOf(points);
    }
}
