package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prices of one plan: a fixed {@code unitPrice} per billing period plus a price per component.
 *
 * @param components by component type, in the offering's order
 */
public record PriceList(String planName, BigDecimal unitPrice, Map<String, ComponentPrice> components) {
    /** A plan that costs nothing, for resources whose plan is unknown. */
    public static final PriceList FREE = new PriceList("(no plan)", BigDecimal.ZERO, Map.of());

    public PriceList {
        unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public static PriceList of(String planName, BigDecimal unitPrice, List<ComponentPrice> components) {
        Map<String, ComponentPrice> byType = new LinkedHashMap<>();
        components.forEach(c -> byType.put(c.type(), c));
        return new PriceList(planName, unitPrice, byType);
    }

    /** The price of a component, zero when the plan does not list it. */
    public BigDecimal priceOf(String type) {
        ComponentPrice c = components.get(type);
        return c == null ? BigDecimal.ZERO : c.price();
    }
}
