package dev.tally.cli.render;

import dev.tally.core.query.Dimension;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Words for people: the column headers, option values and unit notes that workbooks and charts show
 * in place of machine keys ({@code usage.gpu_k_hours} → "GPU k-hours used", {@code true} → "Yes").
 * CSV and JSON keep the keys, which scripts rely on (docs/reports.md, "Words in workbooks and charts").
 */
public final class Wording {
    /** The currency when the configuration names none. */
    public static final String DEFAULT_CURRENCY = "EUR";
    /** The workbook's default words: costs in {@value #DEFAULT_CURRENCY}. */
    public static final Wording DEFAULT = new Wording(DEFAULT_CURRENCY);

    private static final Set<String> FLAGS = Set.of("is_industry", "is_commercial", "is_training");
    private static final Map<String, String> COMPONENTS = Map.of("cpu_k_hours", "CPU k-hours", "gpu_k_hours", "GPU k-hours",
            "gb_k_hours", "GB k-hours");
    private static final Map<String, String> UNITS = Map.of(
            "cpu_k_hours", "CPU k-hours: thousands of CPU core-hours.",
            "gpu_k_hours", "GPU k-hours: thousands of GPU-hours.",
            "gb_k_hours", "GB k-hours: thousands of GB-hours, that is TB-hours.");

    /** The derived measures' prefixes (core {@code Measure.Derived}) and what they add to the base's header. */
    private static final Map<String, String> DERIVED = new java.util.LinkedHashMap<>(Map.of(
            "share.", ", share of total",
            "change_pct.", ", change from previous period (%)",
            "change.", ", change from previous period",
            // a pivoted section's row total (ReportRunner)
            "total.", ", total"));

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final String currency;
    private final Map<String, String> measuredUnits;

    public Wording(String currency) {
        this(currency, Map.of());
    }

    private Wording(String currency, Map<String, String> measuredUnits) {
        Objects.requireNonNull(currency, "currency");
        if (!currency.strip().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "' is not a three-letter code such as EUR");
        }
        this.currency = currency.strip().toUpperCase(java.util.Locale.ROOT);
        this.measuredUnits = Map.copyOf(measuredUnits);
    }

    /**
     * The same words, naming a component they have no words for by its offerings' {@code measured_unit}
     * ({@code qpu_seconds} → "qpu_seconds (QPU seconds)"; docs/reports.md, "Words in workbooks and charts").
     */
    public Wording withMeasuredUnits(Map<String, String> units) {
        return new Wording(currency, units);
    }

    /** A time as people read it, {@code 2026-11-01 00:00 UTC}: how "data as of" is shown. */
    public static String asOf(Instant time) {
        return AS_OF.format(time);
    }

    /** The currency code costs are shown in. */
    public String currency() {
        return currency;
    }

    /**
     * The name people read for a component key; an unknown component keeps its key, so it is never hidden, with its
     * offerings' measured unit when known.
     */
    public String component(String key) {
        String words = COMPONENTS.get(key);
        if (words != null) {
            return words;
        }
        String unit = measuredUnits.get(key);
        return unit == null ? key : key + " (" + unit + ")";
    }

    /**
     * The chart with a value axis named after its component when the template names none and every series measures
     * one component Tally has no words for but its offerings give a unit ({@code qpu_seconds (QPU seconds)}), so such
     * a chart never shows bare numbers; any other chart unchanged.
     */
    public dev.tally.cli.template.ChartSpec withAxis(dev.tally.cli.template.ChartSpec c) {
        if (!c.axis().isEmpty()) {
            return c;
        }
        Set<String> components = new LinkedHashSet<>();
        for (String key : c.series()) {
            String bare = key.replaceAll("@.*$", "").replaceAll("\\.share$", "");
            components.add(bare.contains(".") ? bare.substring(bare.indexOf('.') + 1) : "");
        }
        if (components.size() != 1) {
            return c;
        }
        String comp = components.iterator().next();
        if (COMPONENTS.containsKey(comp) || !measuredUnits.containsKey(comp)) {
            return c;
        }
        return new dev.tally.cli.template.ChartSpec(c.name(), c.type(), c.title(), c.category(), c.series(),
                component(comp));
    }

    /** A flag value as people read it: Yes, No or Not set; anything else unchanged. */
    public static Object value(String columnKey, Object v) {
        if (!FLAGS.contains(columnKey) || !(v instanceof String s)) {
            return v;
        }
        return switch (s) {
            case "true" -> "Yes";
            case "false" -> "No";
            case "unknown" -> "Not set";
            default -> s;
        };
    }

    /**
     * The header of a column. {@code pivot} is the dimension whose values split the columns
     * ({@code cost@Finland}), or null.
     */
    public String header(Column c, String pivot) {
        String key = c.key();
        int at = key.lastIndexOf('@');
        if (at >= 0) {
            String value = key.substring(at + 1);
            String base = header(new Column(key.substring(0, at), "", c.type()), null);
            Object words = value(pivot == null ? "" : pivot, value);
            boolean flag = !words.equals(value);
            String prefix = flag ? Dimension.byKey(pivot).map(Dimension::title).orElse(pivot) + ": " : "";
            return base + ", " + prefix + words;
        }
        if (key.endsWith(".share")) {
            return header(new Column(key.substring(0, key.length() - ".share".length()), "", c.type()), null)
                    + ", share of total";
        }
        for (String prefix : DERIVED.keySet()) {
            if (key.startsWith(prefix)) {
                return header(new Column(key.substring(prefix.length()), "", c.type()), null) + DERIVED.get(prefix);
            }
        }
        String head = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        String comp = key.contains(".") ? component(key.substring(key.indexOf('.') + 1)) : "";
        return switch (head) {
            // a project in several rows counts once in the totals, so they are less than the sum of the rows
            case "projects" -> "Distinct projects";
            case "limit" -> comp + " allocated";
            case "usage" -> comp + " used";
            case "utilisation" -> comp + " utilisation";
            case "entitlement" -> comp + " entitlement";
            case "cost" -> money("Cost");
            case "order_cost" -> money("Order cost");
            default -> c.type() == ColumnType.MONEY ? money(titleOrKey(c)) : titleOrKey(c);
        };
    }

    private String money(String title) {
        return title.endsWith(")") ? title : title + " (" + currency + ")";
    }

    private static String titleOrKey(Column c) {
        return c.title().isBlank() ? c.key() : c.title();
    }

    /** The table with people's headers and option values; keys, types and figures unchanged. */
    public ResultTable forPeople(ResultTable t, String pivot) {
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            columns.add(new Column(c.key(), header(c, pivot), c.type(), c.additive()));
        }
        List<List<Object>> rows = new ArrayList<>(t.rows().size());
        for (List<Object> row : t.rows()) {
            rows.add(words(t.columns(), row));
        }
        return new ResultTable(t.name(), t.title(), columns, rows, t.totals() == null ? null : words(t.columns(), t.totals()),
                t.notes(), t.rowKinds());
    }

    private static List<Object> words(List<Column> columns, List<Object> row) {
        List<Object> out = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            out.add(value(columns.get(c).key(), row.get(c)));
        }
        return out;
    }

    /** One line per unit the columns use: each component present, then the currency. */
    public List<String> units(List<Column> columns) {
        Set<String> components = new LinkedHashSet<>();
        boolean money = false;
        for (Column c : columns) {
            String key = c.key().replaceAll("@.*$", "").replaceAll("\\.share$", "").replaceAll("^(share|change|change_pct|total)\\.", "");
            int dot = key.indexOf('.');
            if (dot >= 0) {
                components.add(key.substring(dot + 1));
            }
            money |= c.type() == ColumnType.MONEY;
        }
        List<String> out = new ArrayList<>();
        for (String comp : components) {
            String unit = measuredUnits.get(comp);
            out.add(UNITS.getOrDefault(comp, unit == null ? comp + ": as the offering's component reports it."
                    : comp + ": in " + unit + ", the offering's measured unit."));
        }
        if (money) {
            out.add("Costs in " + currency + ".");
        }
        return out;
    }
}
