package dev.tally.cli.render;

import java.awt.Color;

/**
 * Colours for chart series and categories: a country share always gets its {@link ShareColours}
 * colour; yes/no flags get fixed colours; anything else takes the next colour of a
 * colour-blind-safe palette by position.
 */
final class Palette {
    private static final Color[] CYCLE = {
        new Color(0x00, 0x72, 0xB2), new Color(0xE6, 0x9F, 0x00), new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7),
        new Color(0x56, 0xB4, 0xE9), new Color(0xD5, 0x5E, 0x00), new Color(0xF0, 0xE4, 0x42), new Color(0x99, 0x99, 0x99),
        new Color(0x88, 0x22, 0x55), new Color(0x33, 0x22, 0x88), new Color(0x44, 0xAA, 0x99), new Color(0x11, 0x77, 0x33)};

    private Palette() {
    }

    /** The colour for a label at a position among its siblings. */
    public static Color of(String label, int position) {
        if (ShareColours.isKnown(label)) {
            return ShareColours.of(label);
        }
        return switch (label) {
            // the keys (CSV, pivot columns) and the words workbooks show (Wording.value)
            case "true", "Yes" -> new Color(0xD5, 0x5E, 0x00);
            case "false", "No" -> new Color(0x00, 0x72, 0xB2);
            case "unknown", "Not set" -> new Color(0xBB, 0xBB, 0xBB);
            default -> CYCLE[Math.floorMod(position, CYCLE.length)];
        };
    }

    /** The label a pivoted column stands for: {@code cost@Finland} → {@code Finland}; otherwise the key itself. */
    public static String seriesLabel(String columnKey) {
        int at = columnKey.lastIndexOf('@');
        return at < 0 ? columnKey : columnKey.substring(at + 1);
    }
}
