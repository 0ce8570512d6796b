package dev.tally.core.fact;

import java.util.Map;

/**
 * A project's field of science: the OECD Fields of Science and Technology classification (FOS 2007)
 * that Waldur stores as a project's {@code oecd_fos_2007_code}, such as {@code "1.1"}. Reports show the
 * code with its field name, {@code "1.1 Mathematics"} (docs/definitions.md, "Field of science").
 */
public final class FieldOfScience {
    /** The label of a project without a code (missing, null or blank). */
    public static final String NONE = "(none)";

    // The second level of the classification, grouped under its six major fields.
    private static final Map<String, String> NAMES = Map.ofEntries(
            // 1 Natural sciences
            Map.entry("1.1", "Mathematics"),
            Map.entry("1.2", "Computer and information sciences"),
            Map.entry("1.3", "Physical sciences"),
            Map.entry("1.4", "Chemical sciences"),
            Map.entry("1.5", "Earth and related environmental sciences"),
            Map.entry("1.6", "Biological sciences"),
            Map.entry("1.7", "Other natural sciences"),
            // 2 Engineering and technology
            Map.entry("2.1", "Civil engineering"),
            Map.entry("2.2", "Electrical, electronic and information engineering"),
            Map.entry("2.3", "Mechanical engineering"),
            Map.entry("2.4", "Chemical engineering"),
            Map.entry("2.5", "Materials engineering"),
            Map.entry("2.6", "Medical engineering"),
            Map.entry("2.7", "Environmental engineering"),
            Map.entry("2.8", "Environmental biotechnology"),
            Map.entry("2.9", "Industrial biotechnology"),
            Map.entry("2.10", "Nano-technology"),
            Map.entry("2.11", "Other engineering and technologies"),
            // 3 Medical and health sciences
            Map.entry("3.1", "Basic medicine"),
            Map.entry("3.2", "Clinical medicine"),
            Map.entry("3.3", "Health sciences"),
            Map.entry("3.4", "Health biotechnology"),
            Map.entry("3.5", "Other medical sciences"),
            // 4 Agricultural sciences
            Map.entry("4.1", "Agriculture, forestry and fisheries"),
            Map.entry("4.2", "Animal and dairy science"),
            Map.entry("4.3", "Veterinary science"),
            Map.entry("4.4", "Agricultural biotechnology"),
            Map.entry("4.5", "Other agricultural sciences"),
            // 5 Social sciences
            Map.entry("5.1", "Psychology"),
            Map.entry("5.2", "Economics and business"),
            Map.entry("5.3", "Educational sciences"),
            Map.entry("5.4", "Sociology"),
            Map.entry("5.5", "Law"),
            Map.entry("5.6", "Political science"),
            Map.entry("5.7", "Social and economic geography"),
            Map.entry("5.8", "Media and communications"),
            Map.entry("5.9", "Other social sciences"),
            // 6 Humanities
            Map.entry("6.1", "History and archaeology"),
            Map.entry("6.2", "Languages and literature"),
            Map.entry("6.3", "Philosophy, ethics and religion"),
            Map.entry("6.4", "Arts"),
            Map.entry("6.5", "Other humanities"));

    private FieldOfScience() {
    }

    /** The code stripped, or null when missing or blank. */
    public static String code(String code) {
        return code == null || code.isBlank() ? null : code.strip();
    }

    /** {@code "1.1 Mathematics"}; a code outside the table shows as itself; no code is {@link #NONE}. */
    public static String label(String code) {
        String c = code(code);
        if (c == null) {
            return NONE;
        }
        String name = NAMES.get(c);
        return name == null ? c : c + " " + name;
    }

    /**
     * The position of a code in the classification's own order (1.1, 1.2, …, 2.9, 2.10), for sorting;
     * codes that are not two numbers follow, and no code comes last.
     */
    public static long rank(String code) {
        String c = code(code);
        if (c == null) {
            return Long.MAX_VALUE;
        }
        int dot = c.indexOf('.');
        try {
            return dot < 0 ? Long.MAX_VALUE - 1
                    : Long.parseLong(c.substring(0, dot)) * 1_000_000L + Long.parseLong(c.substring(dot + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE - 1;
        }
    }
}
