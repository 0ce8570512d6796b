package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A marketplace resource: for LUMI, an allocation. {@code limits} maps component type to the
 * allocated amount; {@code options} holds the LUMI options ({@code is_industry}, {@code used_ai_tech}, …)
 * and may be null; {@link #lumiOptions()} reads them typed. The API has no cost field on resources (docs/waldur.md, Orders).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Resource(
        @CanonicalUuid String uuid,
        String url,
        String name,
        String description,
        ResourceState state,
        Map<String, BigDecimal> limits,
        @JsonProperty("plan_uuid") @CanonicalUuid String planUuid,
        @JsonProperty("plan_name") String planName,
        @JsonProperty("offering_uuid") @CanonicalUuid String offeringUuid,
        @JsonProperty("offering_name") String offeringName,
        @JsonProperty("offering_type") String offeringType,
        @JsonProperty("project_uuid") @CanonicalUuid String projectUuid,
        @JsonProperty("project_name") String projectName,
        @JsonProperty("customer_uuid") @CanonicalUuid String customerUuid,
        @JsonProperty("customer_name") String customerName,
        @JsonProperty("provider_uuid") @CanonicalUuid String providerUuid,
        @JsonProperty("backend_id") String backendId,
        JsonNode attributes,
        JsonNode options,
        @JsonProperty("end_date") LocalDate endDate,
        Instant created,
        Instant modified) {
    public Resource {
        limits = OrderedMaps.copyOf(limits);
    }

    /** The LUMI options of {@link #options}, typed. */
    public ResourceOptions lumiOptions() {
        return ResourceOptions.of(options);
    }
}
