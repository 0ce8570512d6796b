package dev.tally.waldur.http;

import java.util.Optional;

/**
 * The {@code ?o=} a list asks for so that offset paging cannot repeat or skip objects (docs/waldur.md, "Paging
 * that repeats and skips"). Each keeps Waldur's default order first, so a tidy server lists exactly what it would
 * without it, and adds {@code created} to break the ties; both fields are in the viewset's ordering fields.
 * Component usages have none to offer: their filter orders only by {@code billing_period} and {@code usage}.
 */
public final class StableOrdering {
    private StableOrdering() {
    }

    /** The ordering for the list at {@code path} (below {@code /api/}), or empty where Waldur allows none. */
    public static Optional<String> forList(String path) {
        return switch (path) {
            case "customers/", "projects/", "marketplace-public-offerings/" -> Optional.of("name,created");
            case "marketplace-orders/", "marketplace-resources/" -> Optional.of("created");
            default -> Optional.empty();
        };
    }
}
