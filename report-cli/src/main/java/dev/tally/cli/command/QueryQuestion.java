package dev.tally.cli.command;

import dev.tally.cli.render.Wording;
import dev.tally.core.query.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code tally query} asked, carried by every answer so that it can be forwarded and still be
 * understood: the period, the filter, the grouping, the measures and the data's time (docs/reports.md,
 * "Answers that say what was asked").
 *
 * @param notes about the period, such as a month cut at the snapshot's date
 */
record QueryQuestion(Period period, String filter, List<String> groupBy, List<String> measures, String sort, int top,
        Instant dataAsOf, List<String> notes) {
    QueryQuestion {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        filter = filter == null ? "" : filter.strip();
        sort = sort == null ? "" : sort.strip();
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
        notes = List.copyOf(notes);
    }

    /** Splits comma-separated option text ({@code "country, project"}) into its names. */
    static List<String> names(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    /** The question as labelled fields for people, in a fixed order; sort and top only when given. */
    Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Period", period.label() + " (" + period.from() + " to " + period.to() + ")");
        f.put("Filter", filter.isEmpty() ? "none" : filter);
        f.put("Grouped by", groupBy.isEmpty() ? "nothing (one total row)" : String.join(", ", groupBy));
        f.put("Measures", String.join(", ", measures));
        if (!sort.isEmpty()) {
            f.put("Sort", sort);
        }
        if (top > 0) {
            f.put("Top", Integer.toString(top));
        }
        f.put("Data as of", Wording.asOf(dataAsOf));
        return f;
    }

    /** One "Label: value" line per field, then the period notes: the table's and the workbook's notes. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        fields().forEach((k, v) -> out.add(k + ": " + v));
        out.addAll(notes);
        return out;
    }

    /** The question for JSON: machine keys, lists as lists, the data's time as an ISO instant. */
    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("period", period.label());
        j.put("from", period.from().toString());
        j.put("to", period.to().toString());
        j.put("filter", filter);
        j.put("group_by", groupBy);
        j.put("measures", measures);
        j.put("sort", sort);
        j.put("top", top);
        j.put("data_as_of", dataAsOf.toString());
        j.put("notes", notes);
        return j;
    }
}
