package dev.tally.core.fact;

/** A LUMI yes/no option that may also be missing on a resource. */
public enum Flag {
    TRUE, FALSE, UNKNOWN;

    /** {@code null} (option missing) is {@code UNKNOWN}. */
    public static Flag of(Boolean value) {
        return value == null ? UNKNOWN : (value ? TRUE : FALSE);
    }

    /** The label used in reports: {@code true}, {@code false} or {@code unknown}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
