package dev.tally.cli.template;

import java.util.List;
import java.util.Objects;

/**
 * The core query a section runs, as the template names it. Measures may use {@code limit.*},
 * {@code usage.*} or {@code utilisation.*} for every component in the data.
 *
 * @param top groups to keep before the rest go to "Other"; 0 keeps all
 */
public record QuerySpec(RelativePeriod period, List<String> dimensions, List<String> measures, String filter, String sort,
        int top, boolean subtotals, boolean total) {
    public QuerySpec {
        period = period == null ? RelativePeriod.REPORT : period;
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        filter = filter == null ? "" : filter;
        sort = sort == null ? "" : sort;
        Objects.requireNonNull(measures, "measures");
    }
}
