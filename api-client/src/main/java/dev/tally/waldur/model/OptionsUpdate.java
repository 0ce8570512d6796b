package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code update_options}: usually 200 {@code {"status": "Resource options are submitted"}};
 * when the offering sets {@code create_orders_on_resource_option_change}, 201 {@code {"order_uuid"}}
 * instead (docs/waldur.md, Resources). Exactly one of the two is non-null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OptionsUpdate(String status, @JsonProperty("order_uuid") @CanonicalUuid String orderUuid) {
}
