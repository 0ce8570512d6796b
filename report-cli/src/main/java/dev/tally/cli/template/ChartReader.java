package dev.tally.cli.template;

import static dev.tally.cli.template.TemplateReader.list;
import static dev.tally.cli.template.TemplateReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a template's sections, converted and checked against the section they draw: a query section's
 * (category and series from its query) or a {@code ledger_trend} section's (months, granted and used). Problems are
 * reported to the tree as {@link TemplateReader} reports them.
 */
final class ChartReader {
    private final YamlTree tree;

    ChartReader(YamlTree tree) {
        this.tree = tree;
    }

    private TemplateException error(String path, String problem) {
        return tree.error(path, problem);
    }

    private String requiredText(JsonNode n, String path, String key) {
        return TemplateReader.requiredText(tree, n, path, key);
    }

    /** Whether nothing at or inside {@code path} was refused. */
    private boolean sound(String path) {
        return !tree.hasProblemWithin(path);
    }

    /**
     * The charts of a {@code ledger_trend} section: category {@code month}, series {@code granted.C} and
     * {@code used.C} (docs/reports.md, "Limits ledger").
     */
    List<ChartSpec> ledgerCharts(JsonNode n, String path) {
        for (String k : List.of("query", "compare", "pivot", "shares")) {
            if (n.has(k)) {
                tree.report(path + "." + k, "a ledger_trend section takes no '" + k + "'");
            }
        }
        List<ChartSpec> out = new ArrayList<>();
        JsonNode ch = n.get("charts");
        if (ch == null) {
            return out;
        }
        for (int i = 0; i < ch.size(); i++) {
            String at = path + ".charts[" + i + "]";
            JsonNode c = ch.get(i);
            out.add(tree.collect(() -> ledgerChart(c, at)));
        }
        return out;
    }

    private ChartSpec ledgerChart(JsonNode c, String at) {
        if (!c.isObject()) {
            throw error(at, "a chart is a mapping {name, type, category, series}");
        }
        String chartName = tree.collect(() -> requiredText(c, at, "name"));
        ChartType type = tree.collect(() -> chartType(c, at));
        tree.collect(() -> {
            if (!"month".equals(requiredText(c, at, "category"))) {
                throw error(at + ".category", "a ledger_trend chart's category is month");
            }
        });
        List<String> series = list(c, at, "series");
        for (int k = 0; k < series.size(); k++) {
            if (!series.get(k).matches("(granted|used)\\.[a-z0-9_]+")) {
                tree.report(at + ".series[" + k + "]", "series '" + series.get(k) + "' must be granted.C or used.C");
            }
        }
        if (series.isEmpty()) {
            tree.report(at + ".series", "a chart needs at least one series");
        }
        return sound(at) ? new ChartSpec(chartName, type, text(c, "title"), "month", series, text(c, "axis")) : null;
    }

    private ChartType chartType(JsonNode n, String path) {
        try {
            return ChartType.parse(requiredText(n, path, "type"));
        } catch (TemplateException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(path + ".type", e.getMessage());
        }
    }

    /** A chart of a query section: its category a row dimension, its series measures of {@code query}. */
    ChartSpec chart(JsonNode n, String path, QuerySpec query, String pivot) {
        if (!n.isObject()) {
            throw error(path, "a chart is a mapping {name, type, category, series}");
        }
        String name = tree.collect(() -> {
            String t = requiredText(n, path, "name");
            if (!TemplateReader.NAME.matcher(t).matches()) {
                throw error(path + ".name", "chart name '" + t + "' must be lower-case letters, digits, '-', '.' or '_'");
            }
            return t;
        });
        ChartType type = tree.collect(() -> chartType(n, path));
        String category = tree.collect(() -> {
            String t = requiredText(n, path, "category");
            if (!query.dimensions().contains(t) || t.equals(pivot)) {
                throw error(path + ".category", "category '" + t + "' must be one of the rows' dimensions "
                        + query.dimensions().stream().filter(d -> !d.equals(pivot)).toList());
            }
            return t;
        });
        List<String> series = list(n, path, "series");
        if (series.isEmpty()) {
            tree.report(path + ".series", "a chart needs at least one series");
        }
        for (int i = 0; i < series.size(); i++) {
            String s = series.get(i);
            String measure = s.endsWith("@*") ? s.substring(0, s.length() - 2) : s;
            if (s.endsWith("@*") && pivot == null) {
                tree.report(path + ".series[" + i + "]", "series '" + s + "' needs the section to have a pivot");
            } else if (!query.measures().contains(measure) && !measure.contains(".share")) {
                tree.report(path + ".series[" + i + "]", "series '" + measure + "' is not a measure of the query "
                        + query.measures());
            }
        }
        if (type == ChartType.PIE && series.size() != 1) {
            tree.report(path + ".series", "a pie chart has exactly one series");
        }
        return sound(path) ? new ChartSpec(name, type, text(n, "title"), category, series, text(n, "axis")) : null;
    }
}
