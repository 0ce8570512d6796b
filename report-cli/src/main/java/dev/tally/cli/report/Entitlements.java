package dev.tally.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.template.YamlSchema;
import dev.tally.cli.template.YamlTree;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each country share's entitlement: the fraction of LUMI per component it is owed, read from a
 * YAML file such as
 * <pre>
 * Finland: {cpu_k_hours: 0.5, gpu_k_hours: 0.5, gb_k_hours: 0.5}
 * Sweden:  {cpu_k_hours: 0.1, gpu_k_hours: 0.1, gb_k_hours: 0.1}
 * </pre>
 * Values are fractions (0.5 = 50 %); a value written with a '%' sign is divided by 100.
 */
public record Entitlements(Map<String, Map<String, BigDecimal>> byCountry) {
    /** No entitlements: the columns are left out. */
    public static final Entitlements NONE = new Entitlements(Map.of());

    public Entitlements {
        Map<String, Map<String, BigDecimal>> copy = new LinkedHashMap<>();
        byCountry.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        byCountry = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return byCountry.isEmpty();
    }

    /** The entitlement of a country for a component, or null when the file does not say. */
    public BigDecimal of(String country, String component) {
        Map<String, BigDecimal> m = byCountry.get(country);
        return m == null ? null : m.get(component);
    }

    /** Country shares, each mapping its components to fractions; the names are the user's, the values scalars. */
    private static final YamlSchema SCHEMA = YamlSchema.anyKeys(YamlSchema.anyScalarKeys());

    /**
     * Reads an entitlements file; a problem is a {@link dev.tally.cli.template.TemplateException} naming the file,
     * line and column of the bad entry (docs/reliability.md, "Templates and configs").
     */
    public static Entitlements read(Path file) throws IOException {
        YamlTree tree = YamlTree.read(file);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            tree.failIfProblems();
            throw tree.error("", "an entitlements file maps each country share to {component: fraction}");
        }
        SCHEMA.check(tree);
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, BigDecimal> comps = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields();
            while (c.hasNext()) {
                Map.Entry<String, JsonNode> ce = c.next();
                String path = e.getKey() + "." + ce.getKey();
                String text = ce.getValue().asText();
                // every entry is checked, so that each bad one is listed (docs/reliability.md)
                BigDecimal v = tree.collect(() -> fraction(tree, path, text));
                if (v != null) {
                    comps.put(ce.getKey(), v);
                }
            }
            out.put(e.getKey(), comps);
        }
        tree.failIfProblems();
        return new Entitlements(out);
    }

    private static BigDecimal fraction(YamlTree tree, String path, String text) {
        String t = text.strip();
        BigDecimal v;
        try {
            v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2) : new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw tree.error(path, "'" + text + "' is not a number");
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw tree.error(path, text + " is not a fraction between 0 and 1 (or 0% to 100%)");
        }
        return v;
    }
}
