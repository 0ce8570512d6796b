package dev.tally.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys a YAML mapping may hold and the type of each, checked in one pass before a loader reads
 * the tree, so that every loader refuses the same things with the same message (docs/reliability.md,
 * "Templates and configs"): an unknown key, a key without a value, a list where text is expected,
 * {@code 'yes'} where {@code true} or {@code false} is, a number out of range. A loader that has
 * checked its tree may then read any declared key with {@link JsonNode#asText()} and friends.
 * Adding a setting is one line here, in the loader's schema.
 */
public final class YamlSchema {
    private final Map<String, Type> keys = new LinkedHashMap<>();
    private Type anyKey;

    private YamlSchema() {
    }

    /** A mapping that holds only the keys declared with the methods below. */
    public static YamlSchema mapping() {
        return new YamlSchema();
    }

    /** A mapping whose keys are names from the user's world (countries, profiles), each value of one type. */
    public static YamlSchema anyKeys(YamlSchema values) {
        YamlSchema s = new YamlSchema();
        s.anyKey = new Nested(values);
        return s;
    }

    /** A mapping whose keys are the user's names and whose values are text or numbers. */
    public static YamlSchema anyScalarKeys() {
        YamlSchema s = new YamlSchema();
        s.anyKey = Scalar.TEXT;
        return s;
    }

    /** Text; a number is taken as written. Not a boolean: unquoted {@code yes} or {@code off} would become "true"/"false". */
    public YamlSchema text(String key) {
        return put(key, Scalar.TEXT);
    }

    /** {@code true} or {@code false}, unquoted. */
    public YamlSchema flag(String key) {
        return put(key, Scalar.FLAG);
    }

    /** A whole number from {@code min} to {@code max}. */
    public YamlSchema whole(String key, long min, long max) {
        return put(key, new Whole(min, max));
    }

    /** A list of names ({@code [a, b]}) or one text of names separated by commas ({@code a, b}). */
    public YamlSchema names(String key) {
        return put(key, Scalar.NAMES);
    }

    /** A mapping checked against {@code inner}. */
    public YamlSchema mapping(String key, YamlSchema inner) {
        return put(key, new Nested(inner));
    }

    /** A list of mappings, each checked against {@code inner}. */
    public YamlSchema listOf(String key, YamlSchema inner) {
        return put(key, new ListOf(inner));
    }

    /** Checks the whole tree against this schema; the first problem is thrown with its file, line and column. */
    public void check(YamlTree tree) {
        check(tree, tree.root(), "");
    }

    private YamlSchema put(String key, Type type) {
        if (keys.put(key, type) != null) {
            throw new IllegalStateException("key '" + key + "' is declared twice");
        }
        return this;
    }

    private void check(YamlTree tree, JsonNode n, String path) {
        if (!n.isObject()) {
            throw tree.error(path, "expected a mapping (key: value), got " + describe(n));
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Type type = keys.containsKey(e.getKey()) ? keys.get(e.getKey()) : anyKey;
            if (type == null) {
                throw tree.error(child, "unknown key '" + e.getKey() + "'; allowed here: " + keys.keySet().stream().sorted().toList());
            }
            if (e.getValue().isNull()) {
                throw tree.error(child, "'" + e.getKey() + "' has no value; give one or remove the key");
            }
            type.check(tree, e.getValue(), child, e.getKey());
        }
    }

    /** What a node is, for messages: "a list", "a mapping", "true", "'text'". */
    static String describe(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        return "'" + n.asText() + "'";
    }

    private sealed interface Type permits Scalar, Whole, Nested, ListOf {
        void check(YamlTree tree, JsonNode n, String path, String key);
    }

    private enum Scalar implements Type {
        TEXT {
            @Override
            public void check(YamlTree tree, JsonNode n, String path, String key) {
                if (!n.isTextual() && !n.isNumber()) {
                    throw tree.error(path, "'" + key + "' is text, got " + describe(n)
                            + (n.isBoolean() ? " (YAML reads yes/no/on/off/true/false as a boolean; put the text in quotes)" : ""));
                }
            }
        },
        FLAG {
            @Override
            public void check(YamlTree tree, JsonNode n, String path, String key) {
                if (!n.isBoolean()) {
                    throw tree.error(path, "'" + key + "' must be true or false, got " + describe(n));
                }
            }
        },
        NAMES {
            @Override
            public void check(YamlTree tree, JsonNode n, String path, String key) {
                if (n.isArray()) {
                    for (int i = 0; i < n.size(); i++) {
                        if (!n.get(i).isTextual() && !n.get(i).isNumber()) {
                            throw tree.error(path + "[" + i + "]", "expected a name, got " + describe(n.get(i)));
                        }
                    }
                } else if (!n.isTextual()) {
                    throw tree.error(path, "'" + key + "' is a list of names, got " + describe(n));
                }
            }
        }
    }

    private record Whole(long min, long max) implements Type {
        @Override
        public void check(YamlTree tree, JsonNode n, String path, String key) {
            boolean inRange = n.isIntegralNumber() && n.bigIntegerValue().compareTo(BigInteger.valueOf(min)) >= 0
                    && n.bigIntegerValue().compareTo(BigInteger.valueOf(max)) <= 0;
            if (!inRange) {
                throw tree.error(path, "'" + key + "' must be a whole number from " + min + " to " + max + ", got " + describe(n));
            }
        }
    }

    private record Nested(YamlSchema inner) implements Type {
        @Override
        public void check(YamlTree tree, JsonNode n, String path, String key) {
            inner.check(tree, n, path);
        }
    }

    private record ListOf(YamlSchema inner) implements Type {
        @Override
        public void check(YamlTree tree, JsonNode n, String path, String key) {
            if (!n.isArray()) {
                throw tree.error(path, "'" + key + "' is a list, got " + describe(n));
            }
            for (int i = 0; i < n.size(); i++) {
                inner.check(tree, n.get(i), path + "[" + i + "]");
            }
        }
    }
}
