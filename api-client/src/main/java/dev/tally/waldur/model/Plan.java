package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A public plan of an offering. {@code prices} maps component type to price (JSON numbers, read as
 * {@code BigDecimal}); {@code components} carries the same prices as decimal strings when present.
 * {@code future_prices} likewise holds the pending future prices, where set.
 * {@code unit} is null when absent, {@code UNKNOWN} for a unit this client does not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(
        @CanonicalUuid String uuid,
        String url,
        String name,
        PlanUnit unit,
        @JsonProperty("unit_price") BigDecimal unitPrice,
        Map<String, BigDecimal> prices,
        @JsonProperty("init_price") BigDecimal initPrice,
        @JsonProperty("switch_price") BigDecimal switchPrice,
        Boolean archived,
        List<PlanComponent> components,
        @JsonProperty("future_prices") Map<String, BigDecimal> futurePrices) {
    public Plan {
        prices = OrderedMaps.copyOf(prices);
        // Waldur's code writes null for a component without a future price (the 8.0.5 schema says number): none pending
        if (futurePrices != null && futurePrices.containsValue(null)) {
            Map<String, BigDecimal> set = new java.util.LinkedHashMap<>(futurePrices);
            set.values().removeIf(java.util.Objects::isNull);
            futurePrices = set;
        }
        futurePrices = OrderedMaps.copyOf(futurePrices);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** The price of a component: from {@code components[]} if listed there, else from {@code prices}, else null. */
    public BigDecimal priceOf(String componentType) {
        for (PlanComponent c : components) {
            if (componentType.equals(c.type()) && c.price() != null) {
                return c.price();
            }
        }
        return prices.get(componentType);
    }

    /**
     * The future price of a component a price change left pending: from {@code components[]} if listed there, else
     * from {@code future_prices}, else null (docs/waldur.md, "Prices change").
     */
    public BigDecimal futurePriceOf(String componentType) {
        for (PlanComponent c : components) {
            if (componentType.equals(c.type()) && c.futurePrice() != null) {
                return c.futurePrice();
            }
        }
        return futurePrices.get(componentType);
    }
}
