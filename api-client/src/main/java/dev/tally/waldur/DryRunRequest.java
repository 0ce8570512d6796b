package dev.tally.waldur;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to dry-run on a {@code Marketplace.Script} offering: the order type ({@code Create},
 * {@code Update}, {@code Terminate}, {@code Restore} or {@code Pull}), an optional plan UUID (sent as a
 * {@code /api/marketplace-plans/<uuid>/} URL, docs/waldur.md, Dry runs) and the order attributes.
 */
public record DryRunRequest(String type, String planUuid, Map<String, Object> attributes) {
    /** The dry-run types the API accepts. */
    public static final Set<String> TYPES = Set.of("Create", "Update", "Terminate", "Restore", "Pull");

    public DryRunRequest {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("dry-run type '" + type + "' is not one of Create, Update, Terminate, Restore, Pull");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
