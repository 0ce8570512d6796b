package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * The price of one component in a plan, per unit of the component (for LUMI, per k-hour and month), and the future
 * price a price change left pending (null when none; docs/waldur.md, "Prices change").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanComponent(String type, BigDecimal amount, BigDecimal price,
        @JsonProperty("future_price") BigDecimal futurePrice) {
    /** A component without a future price. */
    public PlanComponent(String type, BigDecimal amount, BigDecimal price) {
        this(type, amount, price, null);
    }
}
