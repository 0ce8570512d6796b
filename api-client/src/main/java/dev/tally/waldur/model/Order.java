package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A marketplace order (Create, Update or Terminate of a resource). {@code cost} is the estimate
 * Waldur stored at creation (docs/waldur.md, Order cost), null for orders without a plan such as Terminate.
 * {@code completedAt} is null until the order is done; {@code marketplaceResourceUuid} is null until
 * Waldur has made the resource. Absent fields are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Order(
        @CanonicalUuid String uuid,
        String url,
        OrderType type,
        OrderState state,
        BigDecimal cost,
        Map<String, BigDecimal> limits,
        JsonNode attributes,
        @JsonProperty("plan_uuid") @CanonicalUuid String planUuid,
        @JsonProperty("plan_name") String planName,
        @JsonProperty("offering_uuid") @CanonicalUuid String offeringUuid,
        @JsonProperty("offering_name") String offeringName,
        @JsonProperty("offering_type") String offeringType,
        @JsonProperty("provider_uuid") @CanonicalUuid String providerUuid,
        @JsonProperty("project_uuid") @CanonicalUuid String projectUuid,
        @JsonProperty("project_name") String projectName,
        @JsonProperty("customer_uuid") @CanonicalUuid String customerUuid,
        @JsonProperty("marketplace_resource_uuid") @CanonicalUuid String marketplaceResourceUuid,
        @JsonProperty("resource_name") String resourceName,
        @JsonProperty("error_message") String errorMessage,
        Instant created,
        Instant modified,
        @JsonProperty("completed_at") Instant completedAt) {
    public Order {
        limits = OrderedMaps.copyOf(limits);
    }
}
