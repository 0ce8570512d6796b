package dev.tally.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
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

    /** Reads an entitlements file; the message names the file and the bad entry. */
    public static Entitlements read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": an entitlements file maps each country share to {component: fraction}");
        }
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException(file + ": '" + e.getKey() + "' must map components to fractions");
            }
            Map<String, BigDecimal> comps = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields();
            while (c.hasNext()) {
                Map.Entry<String, JsonNode> ce = c.next();
                comps.put(ce.getKey(), fraction(file, e.getKey(), ce.getKey(), ce.getValue().asText()));
            }
            out.put(e.getKey(), comps);
        }
        return new Entitlements(out);
    }

    private static BigDecimal fraction(Path file, String country, String component, String text) {
        String t = text.strip();
        try {
            BigDecimal v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
                    : new BigDecimal(t);
            if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(file + ": " + country + "." + component + " = " + text
                        + " is not a fraction between 0 and 1 (or 0% to 100%)");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + country + "." + component + " = '" + text + "' is not a number");
        }
    }
}
