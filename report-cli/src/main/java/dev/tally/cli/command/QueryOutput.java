package dev.tally.cli.command;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.JsonRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.core.table.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format} and {@code --out} of {@code tally query}: the answer as a terminal table, CSV, JSON
 * or a one-sheet workbook, to standard output or to a file put in place atomically (docs/reports.md).
 */
final class QueryOutput {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = QueryFormat.class,
            completionCandidates = QueryFormat.class,
            description = "table, csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    /** Why these options cannot be used together, or null. */
    String conflict() {
        return format == OutputFormat.XLSX && out == null ? "--format xlsx needs --out FILE" : null;
    }

    /** The renderer for --format; {@code workbook} describes the file when it is xlsx. */
    TableRenderer renderer(XlsxRenderer.DocumentProperties workbook) {
        return switch (format) {
            case TABLE -> new TextTable();
            case CSV -> new CsvRenderer(false);
            case JSON -> new JsonRenderer();
            case XLSX -> XlsxRenderer.oneSheet(workbook);
            case PNG, SVG -> throw new IllegalStateException(format + " is not a query format");
        };
    }

    /** Renders {@code table} to --out through {@code files}, or to {@code stdout}. */
    void write(ResultTable table, TableRenderer renderer, AtomicFiles files, PrintWriter stdout) throws IOException {
        if (out != null) {
            files.write(out, o -> renderer.render(table, o));
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        renderer.render(table, buffer);
        stdout.print(buffer.toString(StandardCharsets.UTF_8));
        stdout.flush();
    }

    /**
     * Converts and completes {@link OutputFormat#QUERY} names, with the message picocli gives for an enum
     * option of exactly these values: {@code --format png} is refused in the same words.
     */
    static final class QueryFormat implements ITypeConverter<OutputFormat>, Iterable<String> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : OutputFormat.QUERY) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected one of " + OutputFormat.QUERY + " (case-insensitive) but was '"
                    + value + "'");
        }

        @Override
        public Iterator<String> iterator() {
            return OutputFormat.QUERY.stream().map(f -> f.name()).iterator();
        }
    }
}
