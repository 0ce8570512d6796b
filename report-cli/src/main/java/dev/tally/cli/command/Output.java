package dev.tally.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.cli.option.FormatChoice;
import dev.tally.cli.render.OutputFormat;
import dev.tally.waldur.Received;
import dev.tally.waldur.model.WireValue;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --format table|json} (also {@code --output}, its older spelling) for the management commands. Tables are for people: aligned columns,
 * or one {@code field: value} line per field for a single object. JSON is for scripts: the objects
 * as the API sent them, pretty-printed.
 */
public final class Output {
    private static final DateTimeFormatter WALDUR_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** The formats a management command prints: a table, or the API's JSON as received. */
    static final class Formats extends FormatChoice {
        Formats() {
            super(EnumSet.of(OutputFormat.TABLE, OutputFormat.JSON));
        }
    }

    // -f/--format is the spelling every other command uses; -O/--output stay, since scripts already pass them
    @Option(names = {"-f", "--format", "-O", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            converter = Formats.class, completionCandidates = Formats.class,
            description = "Output format: table or json (the API's objects as received). Default: ${DEFAULT-VALUE}."
                    + " (-O/--output is the older spelling.)")
    OutputFormat format = OutputFormat.TABLE;

    boolean json() {
        return format == OutputFormat.JSON;
    }

    static void printJson(PrintWriter out, ObjectMapper mapper, Object value) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A list as received: its JSON with --format json, else one row per item (see {@link #row}) under {@code header}. */
    <T> void printList(PrintWriter out, Received<List<T>> list, List<String> header, Function<T, List<String>> row) {
        if (json()) {
            printJson(out, list);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (T item : list.value()) {
            rows.add(row.apply(item));
        }
        printTable(out, header, rows);
    }

    /** One object as received: its JSON with --format json, else {@code field: value} lines for {@code fields}. */
    void printObject(PrintWriter out, Received<?> object, List<String> fields) {
        if (json()) {
            printJson(out, object);
        } else {
            printFields(out, object, fields);
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

    /** An answer as the API sent it, pretty-printed. */
    static void printJson(PrintWriter out, Received<?> received) {
        out.println(received.prettyJson());
    }

    /** {@code field: value} lines for the given fields of one object as received, in order; absent fields are skipped. */
    static void printFields(PrintWriter out, Received<?> object, List<String> fields) {
        int width = fields.stream().mapToInt(String::length).max().orElse(0);
        for (String f : fields) {
            String v = object.fieldText(f);
            if (v == null) {
                continue;
            }
            out.println(f + ":" + " ".repeat(width - f.length() + 1) + v);
        }
    }

    /** A table row; null cells print as {@code -}. */
    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    /** An enum's wire string; null for none (a {@code -} cell). */
    static String wire(WireValue value) {
        return value == null ? null : value.wire();
    }

    /** A decimal as written ({@code 1.3010000000}); null for none. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    /** A time as Waldur writes it: UTC, microseconds, {@code Z} (docs/waldur.md, Conventions). */
    static String time(Instant t) {
        return t == null ? null : WALDUR_TIME.format(t);
    }

    /** A map of amounts as compact JSON, in the server's order ({@code {"cpu_k_hours":3}}). */
    static String json(ObjectMapper mapper, Map<String, BigDecimal> amounts) {
        try {
            return mapper.writeValueAsString(amounts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String cell(List<String> row, int i) {
        String c = i < row.size() ? row.get(i) : null;
        return c == null || c.isEmpty() ? "-" : c;
    }
}
