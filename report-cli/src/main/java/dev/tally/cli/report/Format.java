package dev.tally.cli.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The file formats a report is written in. */
public enum Format {
    XLSX, CSV, PNG, SVG;

    /** Parses names such as {@code xlsx,csv}; the message lists what is allowed. */
    public static Set<Format> parse(List<String> names) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String n : names) {
            for (String part : n.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    out.add(valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown format '" + part.strip() + "'; use xlsx, csv, png or svg");
                }
            }
        }
        return out;
    }
}
