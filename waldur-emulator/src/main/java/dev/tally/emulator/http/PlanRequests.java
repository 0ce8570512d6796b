package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.PlanPrices;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code POST /api/marketplace-plans/{uuid}/update_prices/} (docs/emulator.md, "Price changes"): Waldur's
 * ProviderPlanViewSet.update_prices with PricesUpdateSerializer; the store's {@link PlanPrices} applies it. Callers hold
 * the write lock.
 */
final class PlanRequests {
    // PriceSerializer: DecimalField(max_digits=22, decimal_places=10, min_value=0).
    private static final int MAX_DIGITS = 22;
    private static final int DECIMAL_PLACES = 10;

    private final Store store;

    PlanRequests(Store store) {
        this.store = store;
    }

    Response updatePrices(Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        JsonRow plan = (uuid == null ? null : store.plan(uuid).orElse(null));
        if (plan == null) {
            throw ApiException.notFound("Plan");
        }
        JsonRow offering = store.offeringOfPlan(uuid).orElseThrow();
        // UPDATE_OFFERING_PLAN on offering.customer: staff, or the provider organisation's own users.
        User user = request.user();
        if (!Writes.actsFor(user, offering, "customer_uuid")) {
            throw ApiException.forbidden();
        }
        Map<String, BigDecimal> prices = prices(request.jsonObject());
        TreeSet<String> invalid = new TreeSet<>(prices.keySet());
        for (JsonNode component : offering.get("components")) {
            invalid.remove(component.get("type").asText());
        }
        if (!invalid.isEmpty()) {
            throw ApiException.bare("Invalid components " + String.join(", ", invalid) + ".");
        }
        PlanPrices.update(store, plan, prices);
        return Response.empty(200);
    }

    // prices: DictField(child=PriceSerializer); a bad value gives {"prices": {"type": ["message"]}}.
    private static Map<String, BigDecimal> prices(ObjectNode body) {
        JsonNode node = body.get("prices");
        if (node == null) {
            throw ApiException.field("prices", "This field is required.");
        }
        if (node.isNull()) {
            throw ApiException.field("prices", "This field may not be null.");
        }
        if (!node.isObject()) {
            throw ApiException.field("prices", "Expected a dictionary of items but got type \""
                    + (node.isArray() ? "list" : node.getNodeType().name().toLowerCase()) + "\".");
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String problem = problem(entry.getValue());
            if (problem != null) {
                ObjectNode error = Json.NODES.objectNode();
                error.putObject("prices").putArray(entry.getKey()).add(problem);
                throw new ApiException(400, error, Map.of());
            }
            prices.put(entry.getKey(), decimal(entry.getValue()));
        }
        return prices;
    }

    private static String problem(JsonNode value) {
        if (value == null || value.isNull()) {
            return "This field may not be null.";
        }
        BigDecimal price;
        try {
            price = decimal(value);
        } catch (NumberFormatException e) {
            return "A valid number is required.";
        }
        BigDecimal plain = price.stripTrailingZeros();
        int places = Math.max(plain.scale(), 0);
        int digits = Math.max(plain.precision(), places);
        if (digits > MAX_DIGITS) {
            return "Ensure that there are no more than " + MAX_DIGITS + " digits in total.";
        }
        if (places > DECIMAL_PLACES) {
            return "Ensure that there are no more than " + DECIMAL_PLACES + " decimal places.";
        }
        if (digits - places > MAX_DIGITS - DECIMAL_PLACES) {
            return "Ensure that there are no more than " + (MAX_DIGITS - DECIMAL_PLACES)
                    + " digits before the decimal point.";
        }
        if (price.signum() < 0) {
            return "Ensure this value is greater than or equal to 0.";
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (!value.isTextual()) {
            throw new NumberFormatException();
        }
        return new BigDecimal(value.asText().strip());
    }
}
