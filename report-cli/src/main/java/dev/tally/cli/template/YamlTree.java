package dev.tally.cli.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file read strictly into a Jackson tree, with the line and column of every node, so that a
 * message can say where in the file the problem is: {@code FILE:LINE:COLUMN: at 'PATH': problem}.
 * Paths look like {@code sections[2].query.measures[0]}. Every template and config file goes through
 * here, and what YAML would otherwise let pass silently is refused (docs/reliability.md, "Templates
 * and configs"): a key given twice, an alias (Jackson would read {@code *name} as the text "name"),
 * a second document in one file, and a number that does not fit (kept whole here, so a
 * {@link YamlSchema} can say it is out of range instead of wrapping around).
 *
 * <p>A file is checked whole: a problem the parser can read past (a key given twice, an alias) and every
 * problem a schema or loader finds is {@linkplain #report reported} and kept, and {@link #failIfProblems}
 * throws them all at once, one line each, in file order. Only YAML that cannot be parsed on stops at its
 * first problem. YAML 1.1's boolean words ({@code yes}, {@code no}, {@code on}, {@code off}, {@code y},
 * {@code n}) are read as text, so that a flag takes only {@code true} or {@code false} and a name such as
 * {@code no} (Norway) stays a name.
 */
public final class YamlTree {
    // 'key:' with nothing after it is a null, so a schema can say it has no value, not an empty text that means "none"
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

    /** A place in the file, both 1-based. */
    record Mark(int line, int column) {
    }

    /** One problem found: where it is, for the order of the lines, and its line. */
    private record Problem(Mark mark, String path, String line) {
    }

    private final String file;
    private final JsonNode root;
    private final Map<String, Mark> marks;
    private final List<Problem> problems;

    private YamlTree(String file, JsonNode root, Map<String, Mark> marks, List<Problem> problems) {
        this.file = file;
        this.root = root;
        this.marks = marks;
        this.problems = problems;
    }

    /** Reads and parses a file; a file that is not UTF-8 text is refused with one line. */
    public static YamlTree read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TemplateException(path + ": not UTF-8 text; save the file as UTF-8");
        }
        return parse(text, path.toString());
    }

    public static YamlTree parse(String text, String file) {
        Map<String, Mark> marks = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new TemplateException(file + ": the file is empty");
            }
            JsonNode root = new Reader(p, file, marks, problems).read("");
            if (p.nextToken() != null) {
                problems.add(new Problem(mark(p), "", at(file, mark(p)) + "a second YAML document ('---'); a file holds one"));
            }
            return new YamlTree(file, root, marks, problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? file + ": " : at(file, new Mark(l.getLineNr(), Math.max(1, l.getColumnNr())));
            throw new TemplateException(where + "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e.getMessage());
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The file as messages name it. */
    public String file() {
        return file;
    }

    /** The line of the node at {@code path}, or of its nearest ancestor that has one; 1 at worst. */
    public int line(String path) {
        return mark(path).line();
    }

    /** {@code FILE:LINE:COLUMN: at 'PATH': problem}, the one form of every template and config error. */
    public TemplateException error(String path, String problem) {
        return new TemplateException(path, List.of(line(path, problem)));
    }

    /**
     * A required {@code key} of the mapping at {@code path} that is absent: placed at the mapping, but left out by
     * {@link #collect} when the key was there and refused already (its value was of the wrong type).
     */
    public TemplateException missing(String path, String key, String problem) {
        return new TemplateException(path.isEmpty() ? key : path + "." + key, List.of(line(path, problem)));
    }

    /**
     * Keeps a problem for {@link #failIfProblems}. A problem at a path that already has one, or inside it, is
     * left out: it would be the first one's consequence (a list where text belongs is not also "required").
     */
    public void report(String path, String problem) {
        keep(path, line(path, problem));
    }

    /** Whether a problem was reported at {@code path} or at a mapping or list that holds it. */
    public boolean hasProblem(String path) {
        for (Problem p : problems) {
            String q = p.path();
            if (q != null && (path.equals(q) || !q.isEmpty() && (path.startsWith(q + ".") || path.startsWith(q + "[")))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a problem was reported at {@code path} or anywhere inside it: whether that part of the file is sound. */
    public boolean hasProblemWithin(String path) {
        for (Problem p : problems) {
            String q = p.path();
            if (q != null && (path.isEmpty() || q.equals(path) || q.startsWith(path + ".") || q.startsWith(path + "["))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one check of a loader; a problem it throws (through {@link #error}) is kept and null returned, so
     * that the loader goes on to check the rest of the file.
     */
    public <T> T collect(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (TemplateException e) {
            report(e);
            return null;
        }
    }

    /** Keeps a problem made by {@link #error} or {@link #missing}; one of another file's keeps its lines, after this file's. */
    public void report(TemplateException e) {
        if (e.path() != null) {
            keep(e.path(), e.lines().get(0));
        } else {
            e.lines().forEach(l -> problems.add(new Problem(new Mark(Integer.MAX_VALUE, 0), null, l)));
        }
    }

    /** As {@link #collect(java.util.function.Supplier)}, for a check that returns nothing. */
    public void collect(Runnable check) {
        collect(() -> {
            check.run();
            return null;
        });
    }

    /** How many problems were kept so far: a loader compares two counts to know whether a part of the file was sound. */
    public int problemCount() {
        return problems.size();
    }

    /** Throws every problem kept, one line each in the order of the file; nothing when the file is sound. */
    public void failIfProblems() {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt((Problem p) -> p.mark().line()).thenComparingInt(p -> p.mark().column()));
            throw new TemplateException(null, sorted.stream().map(Problem::line).distinct().toList());
        }
    }

    private void keep(String path, String line) {
        if (!hasProblem(path)) {
            problems.add(new Problem(mark(path), path, line));
        }
    }

    private String line(String path, String problem) {
        return at(file, mark(path)) + (path.isEmpty() ? "" : "at '" + path + "': ") + problem;
    }

    private Mark mark(String path) {
        String p = path;
        while (true) {
            Mark m = marks.get(p);
            if (m != null) {
                return m;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return marks.getOrDefault("", new Mark(1, 1));
            }
            p = p.substring(0, cut);
        }
    }

    private static String at(String file, Mark m) {
        return file + ":" + m.line() + ":" + m.column() + ": ";
    }

    private static Mark mark(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new Mark(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    /** One pass over the parser's tokens, recording where each node starts. */
    private record Reader(JsonParser p, String file, Map<String, Mark> marks, List<Problem> problems) {
        JsonNode read(String path) throws IOException {
            marks.putIfAbsent(path, mark(p));
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                // the parser reads on past an alias; the key stays out of the tree, so nothing else is said of it
                problems.add(new Problem(mark(p), path, at(file, mark(p)) + (path.isEmpty() ? "" : "at '" + path + "': ")
                        + "aliases ('*" + p.getText() + "') are not supported; write the value out"));
                return JsonNodeFactory.instance.missingNode();
            }
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                java.util.Set<String> names = new java.util.HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (!names.add(name)) {
                        // kept, and the second value read past: the first one counts for the checks that follow
                        problems.add(new Problem(mark(p), null, at(file, mark(p)) + "at '" + child + "': the key '" + name
                                + "' is given twice (first on line " + marks.get(child).line() + ")"));
                        p.nextToken();
                        p.skipChildren();
                        continue;
                    }
                    marks.put(child, mark(p));
                    p.nextToken();
                    JsonNode value = read(child);
                    if (!value.isMissingNode()) {
                        o.set(name, value);
                    }
                }
                return o;
            }
            if (t == JsonToken.START_ARRAY) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(path + "[" + i++ + "]"));
                }
                return a;
            }
            return switch (t) {
                case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                case VALUE_TRUE, VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(p.getBooleanValue());
                case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
                case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDecimalValue());
                default -> JsonNodeFactory.instance.textNode(p.getText());
            };
        }
    }
}
