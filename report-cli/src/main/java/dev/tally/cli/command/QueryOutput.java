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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --format} and {@code --out} of {@code tally query}: the answer as a terminal table, CSV, JSON
 * or a one-sheet workbook, to standard output or to a file put in place atomically (docs/reports.md).
 */
final class QueryOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = QueryFormat.class,
            completionCandidates = QueryFormat.class,
            description = "table, csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    /** A usage error when the options cannot be used together: a workbook cannot go to a terminal. */
    void validate() {
        if (format == OutputFormat.XLSX && out == null) {
            throw new ParameterException(mixee.commandLine(), "--format xlsx needs --out FILE");
        }
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

    /** The formats --format takes. */
    static final class QueryFormat extends FormatChoice {
        QueryFormat() {
            super(OutputFormat.QUERY);
        }
    }
}
