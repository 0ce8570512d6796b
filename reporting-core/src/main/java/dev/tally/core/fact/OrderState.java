package dev.tally.core.fact;

import java.util.Locale;

/** The state of a marketplace order (CONTRACT §6). Unknown wire values map to {@code UNKNOWN}. */
public enum OrderState {
    PENDING_CONSUMER, PENDING_PROVIDER, PENDING_PROJECT, PENDING_START_DATE, EXECUTING, DONE, ERRED, CANCELED,
    REJECTED, UNKNOWN;

    /** Parses Waldur's display name ({@code "pending-consumer"}); null or unknown text is {@code UNKNOWN}. */
    public static OrderState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The label used in reports, Waldur's display name: {@code pending-consumer}, {@code done}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
