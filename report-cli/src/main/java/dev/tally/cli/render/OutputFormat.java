package dev.tally.cli.render;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every format Tally writes. A query answers in {@link #QUERY} (one table to standard output or a
 * file); a report is written in {@link #REPORT} (a workbook, a CSV per section, a PNG/SVG per chart),
 * as docs/reports.md describes.
 */
public enum OutputFormat {
    TABLE, CSV, JSON, XLSX, PNG, SVG;

    /** What {@code tally query --format} takes. */
    public static final Set<OutputFormat> QUERY = EnumSet.of(TABLE, CSV, JSON, XLSX);

    /** What {@code tally report --format} and an export config's {@code formats} take. */
    public static final Set<OutputFormat> REPORT = EnumSet.of(XLSX, CSV, PNG, SVG);

    /** Parses report format names such as {@code xlsx,csv}; the message lists what is allowed. */
    public static Set<OutputFormat> parseReportFormats(List<String> names) {
        Set<OutputFormat> out = EnumSet.noneOf(OutputFormat.class);
        for (String n : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                OutputFormat f = byName(part.strip());
                if (f == null || !REPORT.contains(f)) {
                    throw new IllegalArgumentException("unknown format '" + part.strip() + "'; use xlsx, csv, png or svg");
                }
                out.add(f);
            }
        }
        return out;
    }

    private static OutputFormat byName(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
