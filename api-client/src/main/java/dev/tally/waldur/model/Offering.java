package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A public marketplace offering; for LUMI, a country share such as "LUMI Denmark".
 * {@code country} is an ISO-2 code or null; many shares only carry the country in their name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offering(
        String uuid,
        String url,
        String name,
        @JsonProperty("customer_uuid") String customerUuid,
        @JsonProperty("customer_name") String customerName,
        String type,
        String state,
        Boolean shared,
        Boolean billable,
        String country,
        List<OfferingComponent> components,
        List<Plan> plans,
        Instant created) {
    public Offering {
        uuid = Uuids.normalise(uuid);
        customerUuid = Uuids.normalise(customerUuid);
        components = components == null ? List.of() : List.copyOf(components);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }
}
