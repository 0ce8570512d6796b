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
            tree.failIfProblems();
        } catch (TemplateException e) {
            String first = e.lines().get(0);
            throw new SiteFileException(file, 0, first.substring(first.indexOf(": ") + 2));
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new SiteFileException(file, 1, "a mapping is a YAML object with delimiter, header, key, columns and components or amounts");
        }
        // the whole file is checked and every problem listed, one FILE:LINE line each (docs/reports.md, "Reconciliation")
        Problems problems = new Problems(file);
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                problems.add(tree.line(k), "unknown key '" + k + "' (keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String delimiter = root.path("delimiter").asText(",");
        if (delimiter.length() != 1) {
            problems.add(tree.line("delimiter"), "delimiter must be one character, not '" + delimiter + "'");
            delimiter = ",";
        }
        boolean header = root.path("header").asBoolean(true);
        KeyKind key = switch (root.path("key").asText("allocation").toLowerCase(Locale.ROOT)) {
            case "allocation" -> KeyKind.ALLOCATION;
            case "project" -> KeyKind.PROJECT;
            default -> {
                problems.add(tree.line("key"), "key must be allocation or project");
                yield KeyKind.ALLOCATION;
            }
        };
        JsonNode columns = root.path("columns");
        String keyColumn = required(tree, problems, columns, "key");
        String monthColumn = required(tree, problems, columns, "month");
        boolean wide = root.has("amounts");
        if (wide == root.has("components")) {
            problems.add(1, "give either components (one row per component, with columns.component and"
                    + " columns.amount) or amounts (one column per component)");
            problems.failIfAny();
        }
        String componentColumn = wide ? null : required(tree, problems, columns, "component");
        String amountColumn = wide ? null : required(tree, problems, columns, "amount");
        String section = wide ? "amounts" : "components";
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get(section).fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            int line = tree.line(section + "." + e.getKey());
            if (!t.isObject() || !t.hasNonNull("component")) {
                problems.add(line, section + "." + e.getKey() + " needs {component: C, factor: F}");
                continue;
            }
            try {
                BigDecimal factor = new BigDecimal(t.path("factor").asText("1").strip());
                targets.put(e.getKey(), new Target(t.get("component").asText(), factor));
            } catch (NumberFormatException ex) {
                problems.add(line, section + "." + e.getKey() + ".factor is not a number");
            }
        }
        if (targets.isEmpty() && !root.get(section).fields().hasNext()) {
            problems.add(tree.line(section), section + " is empty");
        }
        if (!header) {
            List<String> referenced = new java.util.ArrayList<>(java.util.Arrays.asList(keyColumn, monthColumn));
            referenced.addAll(wide ? targets.keySet() : java.util.Arrays.asList(componentColumn, amountColumn));
            for (String c : referenced) {
                if (c != null && !c.matches("[1-9][0-9]*")) {
                    problems.add(tree.line("columns"), "without a header, columns are 1-based positions, not '" + c + "'");
                }
            }
        }
        problems.failIfAny();
        return new SiteFormat(file, delimiter.charAt(0), header, key, keyColumn, monthColumn, componentColumn,
                amountColumn, targets, wide);
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

    private static String required(YamlTree tree, Problems problems, JsonNode columns, String name) {
        JsonNode v = columns.get(name);
        if (v == null || v.asText().isBlank()) {
            problems.add(tree.line("columns"), "columns." + name + " is required");
            return null;
        }
        return v.asText().strip();
    }

    /** The problems found in one mapping file, refused together and listed in file order. */
    private static final class Problems {
        private record Problem(int line, String text) {
        }

        private final String file;
        private final List<Problem> found = new java.util.ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(int line, String problem) {
            found.add(new Problem(line, file + ":" + line + ": " + problem));
        }

        void failIfAny() {
            if (!found.isEmpty()) {
                throw new SiteFileException(String.join("\n", found.stream()
                        .sorted(java.util.Comparator.comparingInt(Problem::line)).map(Problem::text).toList()));
            }
        }
    }
}
