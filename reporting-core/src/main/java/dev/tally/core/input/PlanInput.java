package dev.tally.core.input;

import dev.tally.core.cost.PlanUnit;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A plan of an offering.
 *
 * @param prices component type → price per unit
 * @param amounts component type → the plan's fixed amount (for {@code fixed}, {@code one} and {@code few} components)
 * @param futurePrices component type → the future price a price change left pending, only where one is set
 *                     (docs/definitions.md, "Prices that change")
 */
public record PlanInput(String uuid, String name, PlanUnit unit, BigDecimal unitPrice, Map<String, BigDecimal> prices,
        Map<String, BigDecimal> amounts, Map<String, BigDecimal> futurePrices) {
    public PlanInput {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? PlanUnit.MONTH : unit;
        unitPrice = unitPrice == null ? BigDecimal.ZERO : unitPrice;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts);
        futurePrices = futurePrices == null ? Map.of() : Map.copyOf(futurePrices);
    }

    /** A plan without future prices. */
    public PlanInput(String uuid, String name, PlanUnit unit, BigDecimal unitPrice, Map<String, BigDecimal> prices,
            Map<String, BigDecimal> amounts) {
        this(uuid, name, unit, unitPrice, prices, amounts, Map.of());
    }
}
