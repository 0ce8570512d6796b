package dev.tally.core.fact;

import java.util.Locale;

/** The state of a marketplace order (docs/waldur.md, Enumerations); {@code UNKNOWN} for a value the client does not know. */
public enum OrderState {
    PENDING_CONSUMER, PENDING_PROVIDER, PENDING_PROJECT, PENDING_START_DATE, EXECUTING, DONE, ERRED, CANCELED,
    REJECTED, UNKNOWN;

    /**
     * The value of a report label such as {@code pending-consumer} ({@link #label()}), as a query filter
     * names it; case-insensitive, null or unknown text is {@code UNKNOWN}. Waldur's own strings are
     * read by the client, not here.
     */
    public static OrderState ofLabel(String text) {
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
