package dev.tally.cli.serve;

import dev.tally.cli.render.Wording;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.Dimension;
import dev.tally.core.query.QueryEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the page offers to choose from: the dimensions, the measures of this snapshot's components,
 * the snapshot's dates, and each dimension's values for completing a filter (from the query engine,
 * {@link QueryEngine#values}).
 */
final class Catalogue {
    private static final List<String> PLAIN_MEASURES = List.of("cost", "allocations", "projects", "orders", "order_cost");
    private static final List<String> COMPONENT_MEASURES = List.of("usage", "limit", "utilisation");

    private final ReportInput input;
    private final Path snapshot;
    private final Map<Dimension, List<String>> values = new ConcurrentHashMap<>();

    Catalogue(ReportInput input, Path snapshot) {
        this.input = input;
        this.snapshot = snapshot;
    }

    /** The page's choices and the snapshot's dates, as JSON. */
    Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", snapshot.toString());
        m.put("data_as_of", Wording.asOf(input.snapshot().manifest().startedAt()));
        m.put("as_of_date", input.dataset().asOf().toString());
        m.put("default_month", input.lastFullMonth().toString());
        List<Map<String, String>> dims = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            dims.add(Map.of("key", d.key(), "title", d.title(), "kind", kind(d)));
        }
        m.put("dimensions", dims);
        List<String> measures = new ArrayList<>(PLAIN_MEASURES);
        for (String kind : COMPONENT_MEASURES) {
            input.dataset().components().forEach(c -> measures.add(kind + "." + c));
        }
        m.put("measures", measures);
        return m;
    }

    /** The values of the dimension named {@code key}; an unknown name is refused as the filter refuses it. */
    List<String> values(String key) throws BadRequest {
        Dimension d = Dimension.byKey(key == null ? "" : key)
                .orElseThrow(() -> new BadRequest(400, "unknown dimension '" + Reply.inert(String.valueOf(key)) + "'"));
        return values.computeIfAbsent(d, x -> QueryEngine.values(input.dataset(), x));
    }

    /** How a filter writes the dimension's values: quoted text, or a bare word (a flag, a month, a quarter, a year). */
    private static String kind(Dimension d) {
        return d.temporal() ? "time" : d.flag() ? "flag" : d.ordersOnly() ? "orders" : "text";
    }
}
