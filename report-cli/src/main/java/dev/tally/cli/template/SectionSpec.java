package dev.tally.cli.template;

import java.util.List;
import java.util.Objects;

/**
 * One section of a report: one sheet in the workbook, one CSV file, and its charts.
 *
 * @param name the sheet and file name part, e.g. {@code summary}
 * @param query the query for {@link SectionKind#QUERY} sections, null otherwise
 * @param pivot a dimension of the query whose values become column groups, or null
 * @param shares whether to add each limit and usage measure's share of the total (and entitlements when given)
 */
public record SectionSpec(String name, String title, SectionKind kind, QuerySpec query, List<CompareSpec> compare,
        String pivot, boolean shares, List<ChartSpec> charts) {
    public SectionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? name : title;
        compare = compare == null ? List.of() : List.copyOf(compare);
        charts = charts == null ? List.of() : List.copyOf(charts);
    }
}
