package dev.tally.cli.command;

import dev.tally.cli.TallyCommand;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.AllocationSelection;
import dev.tally.core.query.QueryException;
import dev.tally.core.table.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.IntPredicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --format}, {@code --out} and {@code --where} of {@code tally ledger} and {@code tally reconcile}: the
 * allocations asked about, and the answer as a terminal table, CSV, JSON or a workbook, to standard output or to a
 * file put in place atomically.
 */
final class FileOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-w", "--where"}, paramLabel = "EXPR",
            description = "Which allocations: the query filter language (country = 'Finland', access_type = 'Regular',"
                    + " allocation = 'UUID', ...).")
    String where;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = QueryOutput.QueryFormat.class,
            completionCandidates = QueryOutput.QueryFormat.class,
            description = "table, csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    /** A usage error when a workbook would go to a terminal. */
    void validate() {
        if (format == OutputFormat.XLSX && out == null) {
            throw new ParameterException(mixee.commandLine(), "--format xlsx needs --out FILE");
        }
    }

    /** The allocations {@code --where} keeps; its month dimensions read the month of the snapshot's last day. */
    IntPredicate selection(ReportInput input) {
        YearMonth month = YearMonth.from(input.snapshot().manifest().startedAt().minusNanos(1).atZone(ZoneOffset.UTC));
        try {
            return AllocationSelection.of(input.dataset(), where, month);
        } catch (QueryException e) {
            throw new ParameterException(mixee.commandLine(), "--where: " + e.getMessage());
        }
    }

    /** The filter as asked, for the answer's description; empty for none. */
    String filter() {
        return where == null ? "" : where.strip();
    }

    /** Renders {@code table} to --out, or to standard output; says where it wrote unless {@code quiet}. */
    void write(ResultTable table, TableRenderer renderer, TallyCommand top) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        renderer.render(table, buffer);
        write(buffer.toByteArray(), top);
    }

    /** Writes finished bytes to --out, or to standard output. */
    void write(byte[] bytes, TallyCommand top) throws IOException {
        if (out != null) {
            top.files().write(out, o -> o.write(bytes));
            if (!top.quiet()) {
                mixee.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
            }
        } else {
            mixee.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
            mixee.commandLine().getOut().flush();
        }
    }
}
