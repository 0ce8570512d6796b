package dev.tally.core.cost;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The prices of one plan: a fixed {@code unitPrice} per {@code unit} plus a price per component.
 *
 * @param planId the plan's UUID, or null when unknown
 * @param components by component type, in the offering's order
 */
public record PriceList(String planId, String planName, PlanUnit unit, BigDecimal unitPrice,
        Map<String, ComponentPrice> components) {
    /** A plan that costs nothing, for resources whose plan is unknown. */
    public static final PriceList FREE = new PriceList(null, "(no plan)", PlanUnit.MONTH, BigDecimal.ZERO, Map.of());

    public PriceList {
        Objects.requireNonNull(planName, "planName");
        unit = unit == null ? PlanUnit.MONTH : unit;
        unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** A monthly plan without a known UUID. */
    public PriceList(String planName, BigDecimal unitPrice, Map<String, ComponentPrice> components) {
        this(null, planName, PlanUnit.MONTH, unitPrice, components);
    }

    /** A monthly plan without a known UUID, components in the given order. */
    public static PriceList of(String planName, BigDecimal unitPrice, List<ComponentPrice> components) {
        return of(null, planName, PlanUnit.MONTH, unitPrice, components);
    }

    /** A plan with every attribute, components in the given order. */
    public static PriceList of(String planId, String planName, PlanUnit unit, BigDecimal unitPrice,
            List<ComponentPrice> components) {
        Map<String, ComponentPrice> byType = new LinkedHashMap<>();
        components.forEach(c -> byType.put(c.type(), c));
        return new PriceList(planId, planName, unit, unitPrice, byType);
    }

    /** The price of a component, zero when the plan does not list it. */
    public BigDecimal priceOf(String type) {
        ComponentPrice c = components.get(type);
        return c == null ? BigDecimal.ZERO : c.price();
    }

    /** Σ price × amount over components of {@code type}: Waldur's {@code init_price} ({@code ONE}) or {@code switch_price} ({@code FEW}). */
    public BigDecimal sumOf(BillingType type) {
        BigDecimal s = BigDecimal.ZERO;
        for (ComponentPrice c : components.values()) {
            if (c.billingType() == type) {
                s = s.add(c.fixedCharge());
            }
        }
        return s;
    }
}
