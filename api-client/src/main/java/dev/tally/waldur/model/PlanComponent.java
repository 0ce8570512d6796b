package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** The price of one component in a plan, per unit of the component (for LUMI, per k-hour and month). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanComponent(String type, BigDecimal amount, BigDecimal price) {
}
