package dev.tally.core.fact;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One marketplace order as the core sees it.
 *
 * @param resourceId the resource the order refers to; null when the order names none
 * @param cost the cost Waldur stored on the order; null for orders without a plan (Terminate)
 * @param estimate the core's own recomputation of that cost from the order's plan and limits; null when
 *     the plan is unknown or the order has none
 * @param completedAt when the order reached {@code done}; null otherwise
 */
public record OrderFact(String orderId, String resourceId, OrderType type, OrderState state, BigDecimal cost,
        BigDecimal estimate, Instant created, Instant completedAt) {
    public OrderFact {
        Checks.nonNull("orderId, type, state", orderId, type, state);
    }

    /** The day the order counts on: its completion for done orders, otherwise its creation (UTC); null if neither is known. */
    public LocalDate day() {
        Instant at = state == OrderState.DONE && completedAt != null ? completedAt : created;
        return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Whether this order's stored cost counts as order cost: done orders with a cost. */
    public boolean countsCost() {
        return state == OrderState.DONE && cost != null;
    }
}
