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
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML file read strictly into a Jackson tree, with the line and column of every node, so that a
 * message can say where in the file the problem is: {@code FILE:LINE:COLUMN: at 'PATH': problem}.
 * Paths look like {@code sections[2].query.measures[0]}. Every template and config file goes through
 * here, and what YAML would otherwise let pass silently is refused (docs/reliability.md, "Templates
 * and configs"): a key given twice, an alias (Jackson would read {@code *name} as the text "name"),
 * a second document in one file, and a number that does not fit (kept whole here, so a
 * {@link YamlSchema} can say it is out of range instead of wrapping around).
 */
public final class YamlTree {
    // 'key:' with nothing after it is a null, so a schema can say it has no value, not an empty text that means "none"
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();

    /** A place in the file, both 1-based. */
    record Mark(int line, int column) {
    }

    private final String file;
    private final JsonNode root;
    private final Map<String, Mark> marks;

    private YamlTree(String file, JsonNode root, Map<String, Mark> marks) {
        this.file = file;
        this.root = root;
        this.marks = marks;
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
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new TemplateException(file + ": the file is empty");
            }
            JsonNode root = new Reader(p, file, marks).read("");
            if (p.nextToken() != null) {
                throw new TemplateException(at(file, mark(p)) + "a second YAML document ('---'); a file holds one");
            }
            return new YamlTree(file, root, marks);
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
        return new TemplateException(at(file, mark(path)) + (path.isEmpty() ? "" : "at '" + path + "': ") + problem);
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
    private record Reader(JsonParser p, String file, Map<String, Mark> marks) {
        JsonNode read(String path) throws IOException {
            marks.putIfAbsent(path, mark(p));
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                throw new TemplateException(at(file, mark(p)) + (path.isEmpty() ? "" : "at '" + path + "': ")
                        + "aliases ('*" + p.getText() + "') are not supported; write the value out");
            }
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (o.has(name)) {
                        throw new TemplateException(at(file, mark(p)) + "at '" + child + "': the key '" + name
                                + "' is given twice (first on line " + marks.get(child).line() + ")");
                    }
                    marks.put(child, mark(p));
                    p.nextToken();
                    o.set(name, read(child));
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
