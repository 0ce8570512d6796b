package dev.tally.cli.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.YamlTree;
import dev.tally.core.reconcile.KeyKind;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a site's accounting export (docs/reports.md, "Reconciliation"): the delimiter, whether
 * there is a header, what the key column holds, and where the month, key and amounts are. Either one
 * row per component ({@code component} and {@code amount} columns, with {@code components} naming the
 * site's component names) or one column per component ({@code amounts}). Each component carries the
 * factor from the site's unit to Waldur's (core-hours → k-hours is 0.001). Columns are header names,
 * or 1-based positions when there is no header.
 *
 * @param components site component name (or, for {@code amounts}, column) → Waldur component and factor
 */
public record SiteFormat(String name, char delimiter, boolean header, KeyKind key, String keyColumn, String monthColumn,
        String componentColumn, String amountColumn, Map<String, Target> components, boolean wide) {
    /** Built-in mappings, by name; each is a YAML file next to this class. */
    public static final List<String> BUILT_IN = List.of("sreport", "lumi-allocations");

    /** A Waldur component and the factor that turns the site's amount into its unit. */
    public record Target(String component, BigDecimal factor) {
        public Target {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(factor, "factor");
        }
    }

    public SiteFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    /** A built-in mapping by name, or a YAML mapping file. */
    public static SiteFormat load(String nameOrFile) {
        if (BUILT_IN.contains(nameOrFile)) {
            try (InputStream in = SiteFormat.class.getResourceAsStream(nameOrFile + ".yaml")) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrFile);
            } catch (IOException e) {
                throw new IllegalStateException("built-in mapping " + nameOrFile + " is missing", e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new SiteFileException(nameOrFile, 0, "no such mapping file (built-in mappings: " + String.join(", ", BUILT_IN) + ")");
        }
        try {
            return parse(Files.readString(file), nameOrFile);
        } catch (IOException e) {
            throw new SiteFileException(nameOrFile, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static final Set<String> KEYS = Set.of("delimiter", "header", "key", "columns", "components", "amounts");

    static SiteFormat parse(String text, String file) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(text, file);
            // a mapping is one FILE:LINE error at a time (SiteFileException), the first problem in the file
            tree.failIfProblems();
        } catch (TemplateException e) {
            String first = e.lines().get(0);
            throw new SiteFileException(file, 0, first.substring(first.indexOf(": ") + 2));
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new SiteFileException(file, 1, "a mapping is a YAML object with delimiter, header, key, columns and components or amounts");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new SiteFileException(file, tree.line(k), "unknown key '" + k + "' (keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String delimiter = root.path("delimiter").asText(",");
        if (delimiter.length() != 1) {
            throw new SiteFileException(file, tree.line("delimiter"), "delimiter must be one character, not '" + delimiter + "'");
        }
        boolean header = root.path("header").asBoolean(true);
        KeyKind key = switch (root.path("key").asText("allocation").toLowerCase(Locale.ROOT)) {
            case "allocation" -> KeyKind.ALLOCATION;
            case "project" -> KeyKind.PROJECT;
            default -> throw new SiteFileException(file, tree.line("key"), "key must be allocation or project");
        };
        JsonNode columns = root.path("columns");
        String keyColumn = required(tree, file, columns, "key");
        String monthColumn = required(tree, file, columns, "month");
        boolean wide = root.has("amounts");
        if (wide == root.has("components")) {
            throw new SiteFileException(file, 1, "give either components (one row per component, with columns.component and"
                    + " columns.amount) or amounts (one column per component)");
        }
        String componentColumn = wide ? null : required(tree, file, columns, "component");
        String amountColumn = wide ? null : required(tree, file, columns, "amount");
        String section = wide ? "amounts" : "components";
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get(section).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            int line = tree.line(section + "." + e.getKey());
            if (!t.isObject() || !t.hasNonNull("component")) {
                throw new SiteFileException(file, line, section + "." + e.getKey() + " needs {component: C, factor: F}");
            }
            BigDecimal factor;
            try {
                factor = new BigDecimal(t.path("factor").asText("1").strip());
            } catch (NumberFormatException ex) {
                throw new SiteFileException(file, line, section + "." + e.getKey() + ".factor is not a number");
            }
            targets.put(e.getKey(), new Target(t.get("component").asText(), factor));
        }
        if (targets.isEmpty()) {
            throw new SiteFileException(file, tree.line(section), section + " is empty");
        }
        SiteFormat f = new SiteFormat(file, delimiter.charAt(0), header, key, keyColumn, monthColumn, componentColumn,
                amountColumn, targets, wide);
        if (!header) {
            for (String c : f.referencedColumns()) {
                if (!c.matches("[1-9][0-9]*")) {
                    throw new SiteFileException(file, tree.line("columns"), "without a header, columns are 1-based positions, not '" + c + "'");
                }
            }
        }
        return f;
    }

    /** The Waldur components the site's export has. */
    public Set<String> waldurComponents() {
        Set<String> out = new java.util.LinkedHashSet<>();
        components.values().forEach(t -> out.add(t.component()));
        return out;
    }

    /** Every column the mapping reads. */
    List<String> referencedColumns() {
        List<String> out = new java.util.ArrayList<>(List.of(keyColumn, monthColumn));
        if (wide) {
            out.addAll(components.keySet());
        } else {
            out.add(componentColumn);
            out.add(amountColumn);
        }
        return out;
    }

    private static String required(YamlTree tree, String file, JsonNode columns, String name) {
        JsonNode v = columns.get(name);
        if (v == null || v.asText().isBlank()) {
            throw new SiteFileException(file, tree.line("columns"), "columns." + name + " is required");
        }
        return v.asText().strip();
    }
}
