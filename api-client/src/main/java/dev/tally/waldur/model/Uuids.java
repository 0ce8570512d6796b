package dev.tally.waldur.model;

import java.util.Locale;

/** Waldur UUIDs: 32 lowercase hex characters without hyphens; input may carry hyphens (docs/waldur.md, Conventions). */
public final class Uuids {
    private Uuids() {
    }

    /** The canonical form, or {@code null} for {@code null}. */
    public static String normalise(String uuid) {
        return uuid == null ? null : uuid.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
