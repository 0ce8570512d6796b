package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Plan component prices and their changes (docs/emulator.md, "Price changes"), as Waldur's
 * {@code PricesUpdateSerializer} and {@code copy_future_price_to_current_price} do them: a plan that some resource uses
 * gets the new prices as {@code future_price}, which the monthly task copies into {@code price} on the 1st; a plan
 * nobody uses changes {@code price} at once. A price change does not touch the offering's {@code modified}.
 */
public final class PlanPrices {
    private PlanPrices() {
    }

    /** {@code Resource.objects.filter(plan=plan).exists()}: any resource, in any state, on this plan. */
    public static boolean inUse(Store store, String planUuid) {
        for (JsonRow resource : store.resources().rows()) {
            if (planUuid.equals(resource.text("plan_uuid"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets every plan component's price (or future price) to the given one, and a component left out to 0, as Waldur
     * does ({@code future_prices.get(key, 0)}). Callers have checked the types and hold the write lock.
     */
    public static void update(Store store, JsonRow plan, Map<String, BigDecimal> prices) {
        String field = inUse(store, plan.uuid()) ? "future_price" : "price";
        for (JsonNode component : plan.get("components")) {
            BigDecimal wanted = prices.getOrDefault(component.get("type").asText(), BigDecimal.ZERO);
            JsonNode old = component.get(field);
            BigDecimal current = old == null || old.isNull() ? BigDecimal.ZERO : new BigDecimal(old.asText());
            if (current.compareTo(wanted) != 0) {
                ((ObjectNode) component).put(field, Ids.decimal10(wanted));
            }
        }
        renderMaps(plan);
        store.tick();
    }

    /** The monthly task: every future price that differs from its price becomes the price (it stays as future price). */
    static void copyFuturePrices(Store store) {
        for (JsonRow offering : store.offerings().rows()) {
            for (JsonNode plan : offering.get("plans")) {
                boolean changed = false;
                for (JsonNode component : plan.get("components")) {
                    JsonNode future = component.get("future_price");
                    if (future != null && !future.isNull()
                            && new BigDecimal(future.asText()).compareTo(new BigDecimal(component.get("price").asText())) != 0) {
                        ((ObjectNode) component).put("price", future.asText());
                        changed = true;
                    }
                }
                if (changed) {
                    renderMaps(new JsonRow((ObjectNode) plan));
                }
            }
        }
    }

    /** The plan's {@code prices} and {@code future_prices} maps (BasePlanSerializer), numbers, rebuilt from its components. */
    private static void renderMaps(JsonRow plan) {
        ObjectNode prices = Json.NODES.objectNode();
        ObjectNode future = Json.NODES.objectNode();
        for (JsonNode component : plan.get("components")) {
            String type = component.get("type").asText();
            prices.put(type, number(component.get("price").asText()));
            // Waldur's code maps a component without a future price to null, but the 8.0.5 schema (and so the SDK's
            // model) says every value is a number: such components are left out, as in a plan never repriced.
            JsonNode f = component.get("future_price");
            if (f != null && !f.isNull()) {
                future.put(type, number(f.asText()));
            }
        }
        plan.node().set("prices", prices);
        plan.node().set("future_prices", future);
    }

    // DRF renders a Decimal from a method field as a JSON number; no exponent, no trailing zeros.
    private static BigDecimal number(String decimal) {
        BigDecimal value = new BigDecimal(decimal).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
