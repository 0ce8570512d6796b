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
 * Adding a setting is one line here, in the loader's schema. Every problem of the tree is reported to it
 * (not only the first), and a key whose value is refused is taken out of the tree, so that the loader's
 * own checks, which run next, neither trip over the wrong type nor say the same thing again.
 */
public final class YamlSchema {
    /**
     * YAML 1.1's yes/no/on/off are read as text (YamlTree), so a flag has exactly two spellings; the message says
     * which, since {@code strict: yes} looks right to anyone who has not met YAML's rule.
     */
    private static final String FLAG_HINT = " (write true or false, unquoted; yes/no/on/off are not flags here)";

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

    /** Checks the whole tree against this schema, reporting each problem to the tree with its file, line and column. */
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
            tree.report(path, "expected a mapping (key: value), got " + describe(n));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Type type = keys.containsKey(e.getKey()) ? keys.get(e.getKey()) : anyKey;
            boolean sound;
            if (type == null) {
                tree.report(child, "unknown key '" + e.getKey() + "'; allowed here: " + keys.keySet().stream().sorted().toList());
                sound = false;
            } else if (e.getValue().isNull()) {
                tree.report(child, "'" + e.getKey() + "' has no value; give one or remove the key");
                sound = false;
            } else {
                sound = type.check(tree, e.getValue(), child, e.getKey());
            }
            if (!sound) {
                it.remove();
            }
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

    /** A value's check: false when the value is refused (and reported), so that its key is taken out. */
    private sealed interface Type permits Scalar, Whole, Nested, ListOf {
        boolean check(YamlTree tree, JsonNode n, String path, String key);
    }

    private enum Scalar implements Type {
        TEXT {
            @Override
            public boolean check(YamlTree tree, JsonNode n, String path, String key) {
                if (!n.isTextual() && !n.isNumber()) {
                    tree.report(path, "'" + key + "' is text, got " + describe(n)
                            + (n.isBoolean() ? " (YAML reads true/false as a boolean; put the text in quotes)" : ""));
                    return false;
                }
                return true;
            }
        },
        FLAG {
            @Override
            public boolean check(YamlTree tree, JsonNode n, String path, String key) {
                if (!n.isBoolean()) {
                    tree.report(path, "'" + key + "' must be true or false, got " + describe(n) + FLAG_HINT);
                    return false;
                }
                return true;
            }
        },
        NAMES {
            @Override
            public boolean check(YamlTree tree, JsonNode n, String path, String key) {
                if (n.isArray()) {
                    for (int i = 0; i < n.size(); i++) {
                        if (!n.get(i).isTextual() && !n.get(i).isNumber()) {
                            tree.report(path + "[" + i + "]", "expected a name, got " + describe(n.get(i)));
                        }
                    }
                    return true;
                } else if (!n.isTextual()) {
                    tree.report(path, "'" + key + "' is a list of names, got " + describe(n));
                    return false;
                }
                return true;
            }
        }
    }

    private record Whole(long min, long max) implements Type {
        @Override
        public boolean check(YamlTree tree, JsonNode n, String path, String key) {
            boolean inRange = n.isIntegralNumber() && n.bigIntegerValue().compareTo(BigInteger.valueOf(min)) >= 0
                    && n.bigIntegerValue().compareTo(BigInteger.valueOf(max)) <= 0;
            if (!inRange) {
                tree.report(path, "'" + key + "' must be a whole number from " + min + " to " + max + ", got " + describe(n));
            }
            return inRange;
        }
    }

    private record Nested(YamlSchema inner) implements Type {
        @Override
        public boolean check(YamlTree tree, JsonNode n, String path, String key) {
            inner.check(tree, n, path);
            return n.isObject();
        }
    }

    private record ListOf(YamlSchema inner) implements Type {
        @Override
        public boolean check(YamlTree tree, JsonNode n, String path, String key) {
            if (!n.isArray()) {
                tree.report(path, "'" + key + "' is a list, got " + describe(n));
                return false;
            }
            for (int i = 0; i < n.size(); i++) {
                inner.check(tree, n.get(i), path + "[" + i + "]");
            }
            return true;
        }
    }
}
