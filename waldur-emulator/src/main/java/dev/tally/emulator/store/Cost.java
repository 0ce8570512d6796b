package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Order cost (docs/emulator.md, "Cost") (Waldur Plan.get_estimate and Order.init_cost): the plan's unit price plus, for every
 * offering component billed by {@code limit}, plan price × limit / factor; Create adds the plan's init price
 * (Σ {@code one} components), Update its switch price (Σ {@code few} components). Plan unit does not enter.
 */
final class Cost {
    private Cost() {
    }

    /** The estimate without init or switch price, which is also the resource's cost. */
    static BigDecimal estimate(JsonNode offering, JsonNode plan, JsonNode limits) {
        BigDecimal total = new BigDecimal(plan.path("unit_price").asText("0"));
        for (JsonNode component : offering.path("components")) {
            if (!"limit".equals(component.path("billing_type").asText())) {
                continue;
            }
            String type = component.path("type").asText();
            JsonNode limit = limits == null ? null : limits.get(type);
            if (limit == null || limit.isNull()) {
                continue;
            }
            // factor is 1 for Basic, Slurm and custom offerings; only built-in plugin components (OpenStack RAM) differ.
            BigDecimal factor = component.path("factor").isNumber()
                    ? component.get("factor").decimalValue() : BigDecimal.ONE;
            total = total.add(price(plan, type).multiply(limit.decimalValue())
                    .divide(factor, 10, java.math.RoundingMode.HALF_EVEN));
        }
        return total;
    }

    /** The order's cost: estimate plus init price (Create) or switch price (Update); null without a plan. */
    static BigDecimal orderCost(OrderType orderType, JsonNode offering, JsonNode plan, JsonNode limits) {
        if (plan == null || orderType == OrderType.TERMINATE) {
            return null;
        }
        BigDecimal cost = estimate(offering, plan, limits);
        String extraBillingType = switch (orderType) {
            case CREATE -> "one";
            case UPDATE -> "few";
            default -> null;
        };
        if (extraBillingType != null) {
            for (JsonNode component : offering.path("components")) {
                if (extraBillingType.equals(component.path("billing_type").asText())) {
                    cost = cost.add(price(plan, component.path("type").asText()));
                }
            }
        }
        return cost;
    }

    private static BigDecimal price(JsonNode plan, String type) {
        for (JsonNode component : plan.path("components")) {
            if (type.equals(component.path("type").asText())) {
                return new BigDecimal(component.path("price").asText("0"));
            }
        }
        return BigDecimal.ZERO;
    }
}
