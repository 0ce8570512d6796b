package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A public marketplace offering; for LUMI, a country share such as "LUMI Denmark".
 * {@code country} is an ISO-2 code or null; many shares only carry the country in their name.
 * {@code resourceOptions} is {@code {"order": [...], "options": {key: {type, choices, ...}}}}, the schema
 * of the LUMI options ({@code is_industry}, {@code used_ai_tech}, …), or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offering(
        @CanonicalUuid String uuid,
        String url,
        String name,
        String description,
        @JsonProperty("customer_uuid") @CanonicalUuid String customerUuid,
        @JsonProperty("customer_name") String customerName,
        String type,
        String state,
        Boolean shared,
        Boolean billable,
        String country,
        @JsonProperty("category_title") String categoryTitle,
        JsonNode attributes,
        @JsonProperty("resource_options") JsonNode resourceOptions,
        List<OfferingComponent> components,
        List<Plan> plans,
        Instant created) {
    public Offering {
        components = components == null ? List.of() : List.copyOf(components);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** The option keys {@link #resourceOptions} declares, in its order; empty when it declares none. */
    public Map<String, OptionField> optionFields() {
        Map<String, OptionField> out = new LinkedHashMap<>();
        JsonNode options = resourceOptions == null ? null : resourceOptions.get("options");
        if (options != null && options.isObject()) {
            options.fields().forEachRemaining(e -> {
                List<String> choices = new ArrayList<>();
                e.getValue().path("choices").forEach(c -> choices.add(c.asText()));
                out.put(e.getKey(), new OptionField(e.getValue().path("type").asText(""), choices));
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
