package dev.tally.cli.command;

import dev.tally.waldur.AttributeValues;
import dev.tally.waldur.model.OptionField;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code KEY=VALUE} arguments: order limits ({@code cpu_k_hours=3}), attributes and LUMI options
 * ({@code is_industry=true}, {@code used_ai_tech=Deep Learning}). Bad input is a usage error.
 */
final class KeyValues {
    private KeyValues() {
    }

    /** Limits: non-negative integers per component type. */
    static Map<String, BigInteger> limits(CommandLine cmd, List<String> pairs) {
        Map<String, BigInteger> out = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            String[] kv = split(cmd, "--limit", pair);
            try {
                BigInteger n = new BigInteger(kv[1].strip());
                if (n.signum() < 0) {
                    throw new NumberFormatException();
                }
                out.put(kv[0], n);
            } catch (NumberFormatException e) {
                throw new ParameterException(cmd, "--limit " + pair + ": the amount must be a whole number ≥ 0");
            }
        }
        return out;
    }

    /**
     * Attributes or options. A value that reads as JSON ({@code true}, {@code 3}, {@code ["a","b"]})
     * is taken as such, anything else as text ({@link AttributeValues}). Where {@code schema} (an offering's
     * option keys) declares a key as {@code select_string_multi}, values become a list and a repeated
     * key adds to it; {@code boolean} keys accept only true or false.
     */
    static Map<String, Object> values(CommandLine cmd, String option, List<String> pairs, Map<String, OptionField> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            String[] kv = split(cmd, option, pair);
            String key = kv[0];
            String raw = kv[1];
            OptionField field = schema.get(key);
            String type = field == null ? "" : field.type();
            Object value = AttributeValues.of(raw);
            switch (type) {
                case "boolean" -> {
                    if (!(value instanceof Boolean)) {
                        throw new ParameterException(cmd, option + " " + pair + ": " + key + " takes true or false");
                    }
                    out.put(key, value);
                }
                case "select_string_multi" -> {
                    @SuppressWarnings("unchecked")
                    List<Object> list = out.get(key) instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
                    if (value instanceof List<?> many) {
                        list.addAll(many);
                    } else {
                        list.add(raw);
                    }
                    List<String> choices = field.choices();
                    for (Object item : list) {
                        if (!choices.isEmpty() && !choices.contains(String.valueOf(item))) {
                            throw new ParameterException(cmd, option + " " + pair + ": '" + item + "' is not one of "
                                    + String.join(", ", choices));
                        }
                    }
                    out.put(key, list);
                }
                default -> out.put(key, value);
            }
        }
        return out;
    }

    private static String[] split(CommandLine cmd, String option, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new ParameterException(cmd, option + " " + pair + ": expected KEY=VALUE");
        }
        return new String[] {pair.substring(0, eq).strip(), pair.substring(eq + 1)};
    }
}
