package dev.tally.cli.render;

import java.awt.Color;
import java.util.Map;

/**
 * One colour per country share, the same in every chart and every report, taken from Kelly's
 * colours of maximum contrast (K. L. Kelly, "Twenty-two colors of maximum contrast", 1965): a
 * palette made so that ten and more series stay distinguishable side by side, unlike national
 * colours (four shares would be red). Shares without a fixed colour, and other series, take the
 * rest of the palette in turn ({@link #REST}).
 */
final class ShareColours {
    private static final Map<String, Color> KNOWN = Map.ofEntries(
            Map.entry("Belgium", rgb(0x008856)),          // vivid green
            Map.entry("Czech Republic", rgb(0xA1CAF1)),   // very light blue
            Map.entry("Denmark", rgb(0xBE0032)),          // vivid red
            Map.entry("Estonia", rgb(0x875692)),          // strong purple
            Map.entry("Finland", rgb(0x0067A5)),          // strong blue
            Map.entry("Iceland", rgb(0xC2B280)),          // greyish yellow
            Map.entry("Netherlands", rgb(0xF38400)),      // vivid orange
            Map.entry("Norway", rgb(0x882D17)),           // strong reddish brown
            Map.entry("Poland", rgb(0xE68FAC)),           // strong purplish pink
            Map.entry("Sweden", rgb(0xF3C300)),           // vivid yellow
            Map.entry("Switzerland", rgb(0x8DB600)));     // vivid yellowish green

    /** The rest of Kelly's colours, for anything else, by position. */
    static final Color[] REST = {
        rgb(0x604E97), rgb(0xE25822), rgb(0x2B3D26), rgb(0xF6A600), rgb(0xB3446C), rgb(0x654522),
        rgb(0xDCD300), rgb(0xF99379), rgb(0x848482)};

    private ShareColours() {
    }

    private static Color rgb(int hex) {
        return new Color(hex);
    }

    /** Whether the share name has a fixed colour of its own. */
    public static boolean isKnown(String share) {
        return KNOWN.containsKey(share);
    }

    /** The colour for a share name; unknown names get a stable colour from their hash. */
    public static Color of(String share) {
        Color c = KNOWN.get(share);
        return c != null ? c : REST[Math.floorMod(share.hashCode(), REST.length)];
    }
}
