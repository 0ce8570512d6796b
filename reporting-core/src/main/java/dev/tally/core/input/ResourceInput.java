package dev.tally.core.input;

import dev.tally.core.fact.LumiOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A marketplace resource (an allocation) as Waldur lists it; names may be null when only UUIDs are known. */
public record ResourceInput(String uuid, String name, String state, String projectId, String projectName,
        String customerId, String customerName, String offeringId, String offeringName, String planId,
        Map<String, BigDecimal> limits, LumiOptions options, Instant created) {
    public ResourceInput {
        Objects.requireNonNull(uuid, "uuid");
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        options = options == null ? LumiOptions.NONE : options;
    }
}
