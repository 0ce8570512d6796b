package dev.tally.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --output table|json} for the management commands. Tables are for people: aligned columns,
 * or one {@code field: value} line per field for a single object. JSON is for scripts: the objects
 * as the API sent them, pretty-printed.
 */
public final class Output {
    /** The two formats. */
    public enum Format { TABLE, JSON }

    @Option(names = {"-O", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (the API's objects as received). Default: ${DEFAULT-VALUE}.")
    Format format = Format.TABLE;

    boolean json() {
        return format == Format.JSON;
    }

    static void printJson(PrintWriter out, ObjectMapper mapper, Object value) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Aligned columns with a header line; null cells print as {@code -}. */
    static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String c = cell(row, i);
                line.append(c);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - c.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** {@code field: value} lines for the given JSON fields of one object, in order; absent fields are skipped. */
    static void printFields(PrintWriter out, JsonNode node, List<String> fields) {
        int width = fields.stream().mapToInt(String::length).max().orElse(0);
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v == null) {
                continue;
            }
            out.println(f + ":" + " ".repeat(width - f.length() + 1) + text(v));
        }
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return "-";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String cell(List<String> row, int i) {
        String c = i < row.size() ? row.get(i) : null;
        return c == null || c.isEmpty() ? "-" : c;
    }
}
