package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A public plan of an offering. {@code prices} maps component type to price (JSON numbers, read as
 * {@code BigDecimal}); {@code components} carries the same prices as decimal strings when present.
 * {@code unit} is null when absent, {@code UNKNOWN} for a unit this client does not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(
        String uuid,
        String url,
        String name,
        PlanUnit unit,
        @JsonProperty("unit_price") BigDecimal unitPrice,
        Map<String, BigDecimal> prices,
        @JsonProperty("init_price") BigDecimal initPrice,
        @JsonProperty("switch_price") BigDecimal switchPrice,
        Boolean archived,
        List<PlanComponent> components) {
    public Plan {
        uuid = Uuids.normalise(uuid);
        prices = OrderedMaps.copyOf(prices);
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
}
