package dev.tally.core.reconcile;

import java.time.YearMonth;

/** One compared figure's coordinates: a normalised key, a month and a component. */
record Cell(String key, YearMonth month, String component) {
    /** A UUID as Waldur writes it: lower case, without hyphens; other keys are only trimmed. */
    static String normalise(String key) {
        String k = key.strip();
        String hex = k.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return hex.matches("[0-9a-f]{32}") ? hex : k;
    }
}
