package dev.tally.core.input;

import java.util.List;
import java.util.Objects;

/**
 * A marketplace offering with its components and plans.
 *
 * @param country ISO-3166 alpha-2 code or null
 * @param providerId the UUID of the customer that owns the offering (the service provider), or null
 * @param providerName that customer's name, or null
 */
public record OfferingInput(String uuid, String name, String country, String providerId, String providerName,
        List<ComponentInput> components, List<PlanInput> plans) {
    public OfferingInput {
        Objects.requireNonNull(name, "name");
        components = components == null ? List.of() : List.copyOf(components);
        plans = plans == null ? List.of() : List.copyOf(plans);
    }
}
