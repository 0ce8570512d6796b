package dev.tally.cli.render;

import java.awt.Color;

/**
 * Colours for chart series and categories: a country share always gets its {@link ShareColours}
 * colour; yes/no flags get fixed colours; "(unassigned)" and "(none)" are grey; anything
 * else takes the next colour of the rest of the same high-contrast palette by position.
 */
final class Palette {

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
            case "unknown", "Not set", "(unassigned)", "(none)" -> new Color(0xBB, 0xBB, 0xBB);
            default -> ShareColours.REST[Math.floorMod(position, ShareColours.REST.length)];
        };
    }

    /** The label a pivoted column stands for: {@code cost@Finland} → {@code Finland}; otherwise the key itself. */
    public static String seriesLabel(String columnKey) {
        int at = columnKey.lastIndexOf('@');
        return at < 0 ? columnKey : columnKey.substring(at + 1);
    }
}
