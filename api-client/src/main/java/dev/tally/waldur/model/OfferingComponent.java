package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A component of an offering, such as {@code cpu_k_hours}. {@code billingType} and {@code limitPeriod}
 * are null when the field is absent or null, {@code UNKNOWN} when it holds a value this client does not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferingComponent(
        String type,
        String name,
        @JsonProperty("measured_unit") String measuredUnit,
        @JsonProperty("billing_type") BillingType billingType,
        @JsonProperty("limit_period") LimitPeriod limitPeriod) {
}
