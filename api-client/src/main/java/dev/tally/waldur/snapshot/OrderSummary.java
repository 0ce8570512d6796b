package dev.tally.waldur.snapshot;

import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The fields of an {@link Order} that reporting reads: {@link Snapshot#forEachOrderSummary} reads only
 * these, since the rest of an order (most of its bytes, timestamps through a formatter) is never used.
 * {@code resourceUuid} is the order's {@code marketplace_resource_uuid}.
 */
public record OrderSummary(String uuid, OrderType type, OrderState state, BigDecimal cost, Map<String, BigDecimal> limits,
        String planUuid, String offeringUuid, String resourceUuid, Instant created, Instant completedAt) {
    public OrderSummary {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** The summary of a typed order. */
    public static OrderSummary of(Order o) {
        return new OrderSummary(o.uuid(), o.type(), o.state(), o.cost(), o.limits(), o.planUuid(), o.offeringUuid(),
                o.marketplaceResourceUuid(), o.created(), o.completedAt());
    }
}
