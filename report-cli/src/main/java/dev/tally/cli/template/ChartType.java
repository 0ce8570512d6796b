package dev.tally.cli.template;

import java.util.Locale;

/** The chart kinds Tally draws, as PNG/SVG and as native Excel charts. */
public enum ChartType {
    BAR, STACKED_BAR, LINE, PIE;

    /** The name templates use: {@code bar}, {@code stacked-bar}, {@code line}, {@code pie}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a template name; an exception lists the allowed names. */
    public static ChartType parse(String text) {
        for (ChartType t : values()) {
            if (t.key().equalsIgnoreCase(text.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown chart type '" + text + "'; use bar, stacked-bar, line or pie");
    }
}
