package dev.tally.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.query.Dimension;
import dev.tally.core.query.Filter;
import dev.tally.core.query.Measure;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the tree, converting and checking; each problem names file, line and path. The file is checked whole:
 * each check runs in {@link YamlTree#collect}, so one bad section, chart or measure does not hide the next,
 * and a part that depends on another (a chart on its query) is checked only when that part is sound.
 */
final class TemplateReader {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    // What each mapping may hold; adding a setting is one line here (YamlSchema).
    private static final YamlSchema QUERY = YamlSchema.mapping().text("period").names("dimensions").names("measures")
            .text("filter").text("sort").whole("top", 0, Integer.MAX_VALUE).flag("subtotals").flag("total");
    private static final YamlSchema COMPARE = YamlSchema.mapping().text("measure").text("period").flag("change").text("key")
            .text("title");
    private static final YamlSchema CHART = YamlSchema.mapping().text("name").text("type").text("title").text("category")
            .names("series").text("axis");
    private static final YamlSchema SECTION = YamlSchema.mapping().text("name").text("title").text("kind")
            .mapping("query", QUERY).listOf("compare", COMPARE).text("pivot").flag("shares").listOf("charts", CHART);
    private static final YamlSchema TEMPLATE = YamlSchema.mapping().text("name").text("title").text("description")
            .listOf("sections", SECTION).flag("data_sheet");

    private final YamlTree tree;
    private final String file;
    private final ChartReader charts;

    TemplateReader(YamlTree tree, String file) {
        this.tree = tree;
        this.file = file;
        this.charts = new ChartReader(tree);
    }

    private TemplateException error(String path, String problem) {
        return tree.error(path, problem);
    }

    ReportTemplate template() {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            tree.failIfProblems();
            throw error("", "a template is a mapping with name, title and sections");
        }
        TEMPLATE.check(tree);
        String name = tree.collect(() -> {
            String n = requiredText(root, "", "name");
            if (!NAME.matcher(n).matches()) {
                throw error("name", "name '" + n + "' must be lower-case letters, digits, '-', '.' or '_'");
            }
            return n;
        });
        JsonNode sections = root.get("sections");
        List<SectionSpec> out = new ArrayList<>();
        if (sections == null || !sections.isArray() || sections.isEmpty()) {
            tree.report(sections == null ? tree.missing("", "sections", "at 'sections': a template needs a list of sections")
                    : error("sections", "a template needs a list of sections"));
        } else {
            Set<String> names = new HashSet<>();
            Set<String> charts = new HashSet<>();
            for (int i = 0; i < sections.size(); i++) {
                String path = "sections[" + i + "]";
                JsonNode n = sections.get(i);
                SectionSpec s = tree.collect(() -> section(n, path));
                if (s == null) {
                    continue;
                }
                if (!names.add(s.name())) {
                    tree.report(path + ".name", "section name '" + s.name() + "' is used twice");
                }
                for (int c = 0; c < s.charts().size(); c++) {
                    if (!charts.add(s.charts().get(c).name())) {
                        tree.report(path + ".charts[" + c + "].name", "chart name '" + s.charts().get(c).name() + "' is used twice");
                    }
                }
                out.add(s);
            }
        }
        tree.failIfProblems();
        return new ReportTemplate(name, text(root, "title"), text(root, "description"), out, file,
                bool(root, "", "data_sheet", false));
    }

    /** The section, or null when any part of it was refused (each refusal reported to the tree). */
    private SectionSpec section(JsonNode n, String path) {
        if (!n.isObject()) {
            throw error(path, "a section is a mapping with name, query and optional charts");
        }
        String name = tree.collect(() -> {
            String t = requiredText(n, path, "name");
            if (!NAME.matcher(t).matches() || t.length() > 31) {
                throw error(path + ".name", "section name '" + t
                        + "' must be at most 31 lower-case letters, digits, '-', '.' or '_' (it names a sheet and a file)");
            }
            return t;
        });
        SectionKind kind = tree.collect(() -> kind(n, path));
        if (kind == null) {
            return null;
        }
        if (kind == SectionKind.LEDGER_TREND) {
            List<ChartSpec> ledger = charts.ledgerCharts(n, path);
            return sound(path) ? new SectionSpec(name, text(n, "title"), kind, null, List.of(), null, false, ledger) : null;
        }
        if (kind != SectionKind.QUERY) {
            for (String k : List.of("query", "compare", "pivot", "shares", "charts")) {
                if (n.has(k)) {
                    tree.report(path + "." + k, "a " + kind.name().toLowerCase(Locale.ROOT) + " section takes no '" + k + "'");
                }
            }
            return sound(path) ? new SectionSpec(name, text(n, "title"), kind, null, List.of(), null, false, List.of()) : null;
        }
        JsonNode q = n.get("query");
        QuerySpec query = null;
        if (q == null || !q.isObject()) {
            tree.report(tree.missing(path, "query", "a query section needs a 'query' mapping with dimensions and measures"));
        } else {
            query = query(q, path + ".query");
        }
        String pivot = text(n, "pivot");
        if (pivot != null && query != null && !query.dimensions().contains(pivot)) {
            tree.report(path + ".pivot", "pivot '" + pivot + "' is not one of the query's dimensions " + query.dimensions());
        } else if (pivot != null && query != null && query.dimensions().size() < 2) {
            tree.report(path + ".pivot", "a pivot needs a second dimension to keep as rows");
        }
        List<CompareSpec> compare = new ArrayList<>();
        JsonNode cs = n.get("compare");
        if (cs != null) {
            if (pivot != null) {
                tree.report(path + ".compare", "compare cannot be combined with pivot");
            }
            for (int i = 0; i < cs.size(); i++) {
                String at = path + ".compare[" + i + "]";
                JsonNode c = cs.get(i);
                compare.add(tree.collect(() -> compare(c, at)));
            }
        }
        boolean shares = bool(n, path, "shares", false);
        List<ChartSpec> sectionCharts = new ArrayList<>();
        JsonNode ch = n.get("charts");
        if (ch != null && query != null) {
            for (int i = 0; i < ch.size(); i++) {
                String at = path + ".charts[" + i + "]";
                JsonNode c = ch.get(i);
                QuerySpec qs = query;
                sectionCharts.add(tree.collect(() -> charts.chart(c, at, qs, pivot)));
            }
        }
        return sound(path) ? new SectionSpec(name, text(n, "title"), kind, query, compare, pivot, shares, sectionCharts) : null;
    }

    /** Whether nothing at or inside {@code path} was refused, so that its values may be built. */
    private boolean sound(String path) {
        return !tree.hasProblemWithin(path);
    }

    private SectionKind kind(JsonNode n, String path) {
        String kindText = text(n, "kind");
        if (kindText == null) {
            return SectionKind.QUERY;
        }
        try {
            SectionKind kind = SectionKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
            if (kind == SectionKind.RESTATED) {
                throw new IllegalArgumentException("added by --previous, not by templates");
            }
            return kind;
        } catch (IllegalArgumentException e) {
            throw error(path + ".kind", "unknown kind '" + kindText + "'; use query, findings, provenance, ledger or ledger_trend");
        }
    }

    /** The query, or null when any part of it was refused. */
    private QuerySpec query(JsonNode q, String path) {
        List<String> dims = list(q, path, "dimensions");
        tree.collect(() -> {
            try {
                Query.parseDimensions(String.join(",", dims));
            } catch (QueryException e) {
                // the engine's message names the dimension meant or lists them all; say it once
                String problem = withoutPosition(e);
                boolean said = problem.contains("dimensions are") || problem.contains("did you mean");
                throw error(path + ".dimensions", said ? problem : problem + "; dimensions are " + dimensionNames());
            }
        });
        List<String> measures = list(q, path, "measures");
        if (measures.isEmpty()) {
            tree.report(path + ".measures", "a query needs at least one measure");
        }
        for (int i = 0; i < measures.size(); i++) {
            String m = measures.get(i);
            String at = path + ".measures[" + i + "]";
            tree.collect(() -> checkMeasure(m, at));
        }
        String filter = text(q, "filter");
        if (filter != null) {
            try {
                Filter.parse(filter);
            } catch (QueryException e) {
                tree.report(path + ".filter", "filter '" + filter + "': " + e.getMessage());
            }
        }
        String sort = text(q, "sort");
        if (sort != null) {
            for (String s : sort.split(",")) {
                String key = s.strip().replaceFirst("^[-+]", "").strip();
                if (!dims.contains(key) && !measures.contains(key)) {
                    tree.report(path + ".sort", "cannot sort by '" + key + "': it is not a dimension or measure of the query");
                }
            }
        }
        int top = (int) number(q, path, "top", 0);
        RelativePeriod period = tree.collect(() -> period(q, path));
        return sound(path) ? new QuerySpec(period, dims, measures, filter, sort, top, bool(q, path, "subtotals", false),
                bool(q, path, "total", true)) : null;
    }

    private RelativePeriod period(JsonNode n, String path) {
        String text = text(n, "period");
        RelativePeriod p = new RelativePeriod(text);
        try {
            p.validate();
        } catch (IllegalArgumentException e) {
            throw error(path + ".period", e.getMessage());
        }
        return p;
    }

    private CompareSpec compare(JsonNode n, String path) {
        if (!n.isObject()) {
            throw error(path, "a compare entry is a mapping {measure, period, change, key, title}");
        }
        String measure = requiredText(n, path, "measure");
        checkMeasure(measure, path + ".measure");
        if (measure.contains("*")) {
            throw error(path + ".measure", "a compare measure names one component, not '*'");
        }
        if (!n.has("period")) {
            throw tree.missing(path, "period", "a compare entry needs a period, e.g. 'previous month' or 'year to date'");
        }
        return new CompareSpec(measure, period(n, path), bool(n, path, "change", false), text(n, "key"), text(n, "title"));
    }

    private void checkMeasure(String text, String path) {
        try {
            Measure.parse(text.replace("*", "any_component"), 0);
        } catch (QueryException e) {
            // the engine's message may list the measures already; say it once
            String problem = withoutPosition(e);
            throw error(path, problem.contains("measures are") ? problem + " (C a component such as cpu_k_hours, or * for all)"
                    : problem + "; measures are allocations, projects, cost, order_cost, orders, "
                    + "limit.C, usage.C, utilisation.C (C a component such as cpu_k_hours, or * for all)");
        }
    }

    private String requiredText(JsonNode n, String path, String key) {
        return requiredText(tree, n, path, key);
    }

    /** The text at {@code key}, stripped; a blank or missing one is refused as required. */
    static String requiredText(YamlTree tree, JsonNode n, String path, String key) {
        String t = text(n, key);
        if (t == null || t.isBlank()) {
            throw tree.missing(path, key, "'" + key + "' is required");
        }
        return t.strip();
    }

    static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    // The readers below trust the types: TEMPLATE.check has refused every other shape with its line.
    static List<String> list(JsonNode n, String path, String key) {
        JsonNode v = n.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText().strip()));
            return out;
        }
        for (String s : v.asText().split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static boolean bool(JsonNode n, String path, String key, boolean dflt) {
        JsonNode v = n.get(key);
        return v == null ? dflt : v.booleanValue();
    }

    private static long number(JsonNode n, String path, String key, long dflt) {
        JsonNode v = n.get(key);
        return v == null ? dflt : v.longValue();
    }

    private static String withoutPosition(QueryException e) {
        return e.getMessage().replaceFirst(" at position \\d+(?=;|$)", "");
    }

    private static String dimensionNames() {
        return String.join(", ", java.util.Arrays.stream(Dimension.values()).map(Dimension::key).toList());
    }
}
