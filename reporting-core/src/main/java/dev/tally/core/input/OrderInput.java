package dev.tally.core.input;

import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A marketplace order as Waldur lists it.
 *
 * @param cost the stored estimate, null for orders without a plan
 * @param completedAt null until the order is done
 */
public record OrderInput(String uuid, OrderType type, OrderState state, BigDecimal cost, Map<String, BigDecimal> limits,
        String planId, String offeringId, String resourceId, Instant created, Instant completedAt) {
    public OrderInput {
        Objects.requireNonNull(uuid, "uuid");
        type = type == null ? OrderType.UNKNOWN : type;
        state = state == null ? OrderState.UNKNOWN : state;
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }
}
