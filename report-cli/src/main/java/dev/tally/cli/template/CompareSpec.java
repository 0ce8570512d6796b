package dev.tally.cli.template;

import java.util.Objects;

/**
 * An extra column: one measure of the section's query over another period, joined on the section's
 * dimensions. With {@code change} the column holds the section's value minus the other period's.
 */
public record CompareSpec(String measure, RelativePeriod period, boolean change, String key, String title) {
    public CompareSpec {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(period, "period");
        key = key == null ? measure + (change ? ".change" : "") + "." + period.text().replace(' ', '_') : key;
        title = title == null ? key : title;
    }
}
