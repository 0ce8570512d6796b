package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A component of an offering, such as {@code cpu_k_hours}. {@code billingType} is one of
 * {@code fixed, usage, limit, one, few}; {@code limitPeriod} one of {@code month, quarterly, annual, total} or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferingComponent(
        String type,
        String name,
        @JsonProperty("measured_unit") String measuredUnit,
        @JsonProperty("billing_type") String billingType,
        @JsonProperty("limit_period") String limitPeriod) {
}
