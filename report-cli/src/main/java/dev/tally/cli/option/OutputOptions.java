package dev.tally.cli.option;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
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
 * {@code --format} and {@code --out} of the commands that answer with one table ({@code tally query},
 * {@code ledger}, {@code reconcile}): a terminal table, CSV, JSON or a workbook, to standard output or to a
 * file put in place atomically (docs/reports.md); shared as a mixin.
 */
public final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = Formats.class,
            completionCandidates = Formats.class,
            description = "table, csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    /** The formats --format takes: those of {@link OutputFormat#QUERY}. */
    public static final class Formats extends FormatChoice {
        public Formats() {
            super(OutputFormat.QUERY);
        }
    }

    /** The format asked for. */
    public OutputFormat format() {
        return format;
    }

    /** The file to write, or {@code null} for standard output. */
    public Path out() {
        return out;
    }

    /** A usage error when a workbook would go to a terminal. */
    public void validate() {
        if (format == OutputFormat.XLSX && out == null) {
            throw new ParameterException(mixee.commandLine(), "--format xlsx needs --out FILE");
        }
    }

    /**
     * Renders {@code table} to --out through {@code files} and says where, unless {@code quiet}; or to
     * standard output.
     */
    public void write(ResultTable table, TableRenderer renderer, AtomicFiles files, boolean quiet) throws IOException {
        if (out != null) {
            files.write(out, o -> renderer.render(table, o));
            wrote(quiet);
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        renderer.render(table, buffer);
        print(buffer.toByteArray());
    }

    /** Writes finished bytes to --out (saying where, unless {@code quiet}), or to standard output. */
    public void write(byte[] bytes, AtomicFiles files, boolean quiet) throws IOException {
        if (out != null) {
            files.write(out, o -> o.write(bytes));
            wrote(quiet);
        } else {
            print(bytes);
        }
    }

    private void wrote(boolean quiet) {
        if (!quiet) {
            mixee.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
        }
    }

    private void print(byte[] bytes) {
        PrintWriter stdout = mixee.commandLine().getOut();
        stdout.print(new String(bytes, StandardCharsets.UTF_8));
        stdout.flush();
    }
}
