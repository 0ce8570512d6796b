package dev.tally.waldur;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to order: project, public offering and plan by UUID (the client turns them into the
 * hyperlinks Waldur requires), integer limits per component, and attributes (LUMI options may go
 * here, and {@code name} becomes the resource name).
 */
public record OrderRequest(String projectUuid, String offeringUuid, String planUuid, Map<String, BigInteger> limits,
        Map<String, Object> attributes) {
    public OrderRequest {
        Objects.requireNonNull(projectUuid, "projectUuid");
        Objects.requireNonNull(offeringUuid, "offeringUuid");
        limits = limits == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
