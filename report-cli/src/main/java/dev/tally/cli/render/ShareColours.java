package dev.tally.cli.render;

import java.awt.Color;
import java.util.Map;

/** One colour per country share, the same in every chart and every report. */
final class ShareColours {
    private static final Map<String, Color> KNOWN = Map.ofEntries(
            Map.entry("Belgium", new Color(0xE6, 0x9F, 0x00)),
            Map.entry("Czech Republic", new Color(0x56, 0xB4, 0xE9)),
            Map.entry("Denmark", new Color(0xC8, 0x10, 0x2E)),
            Map.entry("Estonia", new Color(0x00, 0x72, 0xCE)),
            Map.entry("Finland", new Color(0x00, 0x2F, 0x6C)),
            Map.entry("Iceland", new Color(0x7F, 0x7F, 0xFF)),
            Map.entry("Netherlands", new Color(0xFF, 0x7F, 0x00)),
            Map.entry("Norway", new Color(0x8B, 0x1A, 0x1A)),
            Map.entry("Poland", new Color(0xDC, 0x14, 0x3C)),
            Map.entry("Sweden", new Color(0xFE, 0xCC, 0x02)),
            Map.entry("Switzerland", new Color(0x99, 0x33, 0x33)));
    private static final Color[] FALLBACK = {
        new Color(0x00, 0x9E, 0x73), new Color(0xCC, 0x79, 0xA7), new Color(0x99, 0x99, 0x99),
        new Color(0x44, 0xAA, 0x99), new Color(0x88, 0x22, 0x55), new Color(0x33, 0x22, 0x88)};

    private ShareColours() {
    }

    /** Whether the share name has a fixed colour of its own. */
    public static boolean isKnown(String share) {
        return KNOWN.containsKey(share);
    }

    /** The colour for a share name; unknown names get a stable colour from their hash. */
    public static Color of(String share) {
        Color c = KNOWN.get(share);
        return c != null ? c : FALLBACK[Math.floorMod(share.hashCode(), FALLBACK.length)];
    }
}
