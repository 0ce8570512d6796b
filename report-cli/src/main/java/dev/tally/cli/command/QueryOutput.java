package dev.tally.cli.command;

import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.JsonRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.Wording;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.core.table.ResultTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --header-comment} and {@code --exact} of {@code tally query}, and the renderer for each format: the
 * answer as a terminal table, CSV, JSON or a one-sheet workbook, each saying what was asked (docs/reports.md).
 * {@code --format} and {@code --out} are {@link dev.tally.cli.option.OutputOptions}.
 */
final class QueryOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--header-comment",
            description = "With --format csv: start with '# ' lines saying what was asked (period, filter, grouping, measures, data as of).")
    boolean headerComment;

    @Option(names = "--exact", description = "With --format csv: money at full precision instead of rounded to the cent.")
    boolean exact;

    /** A usage error when these options do not go with {@code format}. */
    void validate(OutputFormat format) {
        if (exact && format != OutputFormat.CSV) {
            throw new ParameterException(mixee.commandLine(), "--exact needs --format csv (JSON is always exact; tables and workbooks show rounded figures)");
        }
        if (headerComment && format != OutputFormat.CSV) {
            throw new ParameterException(mixee.commandLine(), "--header-comment needs --format csv (the other formats always say what was asked)");
        }
    }

    /**
     * The renderer for --format. Every answer carries {@code question}: the table and the workbook
     * as note lines under the table (with headers in {@code wording}), JSON as a {@code query}
     * object, CSV only with --header-comment, so plain CSV stays as scripts read it. {@code workbook}
     * describes the file when it is xlsx.
     */
    TableRenderer renderer(OutputFormat format, XlsxRenderer.DocumentProperties workbook, QueryQuestion question,
            Wording wording) {
        return switch (format) {
            case TABLE -> (t, o) -> new TextTable().render(withNotes(wording.forPeople(t, null), question.lines(), List.of()), o);
            case CSV -> headerComment ? commented(question, exact) : new CsvRenderer(false, exact);
            case JSON -> new JsonRenderer(question.json());
            case XLSX -> (t, o) -> XlsxRenderer.oneSheet(workbook)
                    .render(withNotes(wording.forPeople(t, null), question.lines(), wording.units(t.columns())), o);
            case PNG, SVG -> throw new IllegalStateException(format + " is not a query format");
        };
    }

    /** The workbook renderer with a second sheet, the Data sheet (docs/reports.md, "The Data sheet"). */
    TableRenderer withDataSheet(XlsxRenderer.DocumentProperties workbook, QueryQuestion question, Wording wording,
            ResultTable data) {
        return (t, o) -> new XlsxRenderer().write(List.of(
                new XlsxRenderer.SheetSpec(withNotes(wording.forPeople(t, null), question.lines(), wording.units(t.columns())), List.of()),
                new XlsxRenderer.SheetSpec(wording.forPeople(data, null), List.of(), dev.tally.cli.report.DataSheet.TITLE)), workbook, o);
    }

    /** The question's lines first, then the table's own notes, then {@code after}. */
    private static ResultTable withNotes(ResultTable t, List<String> first, List<String> after) {
        List<String> notes = new ArrayList<>(first);
        notes.addAll(t.notes());
        notes.addAll(after);
        return new ResultTable(t.name(), t.title(), t.columns(), t.rows(), t.totals(), notes, t.rowKinds());
    }

    /** CSV after one {@code # Label: value} line per field of the question (CRLF, as the CSV itself). */
    private static TableRenderer commented(QueryQuestion question, boolean exact) {
        return (t, o) -> {
            StringBuilder head = new StringBuilder();
            question.lines().forEach(l -> head.append("# ").append(l).append("\r\n"));
            o.write(head.toString().getBytes(StandardCharsets.UTF_8));
            new CsvRenderer(false, exact).render(t, o);
        };
    }
}
