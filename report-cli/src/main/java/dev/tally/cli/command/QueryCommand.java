package dev.tally.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.cli.TallyCommand;
import dev.tally.cli.option.PeriodOptions;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.CellText;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.query.QueryException;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tally query}: an ad-hoc question to a snapshot, answered as a table, CSV, JSON or a workbook. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Answer an ad-hoc question from a snapshot: group by dimensions, compute measures.",
        description = {
            "Answer an ad-hoc question from a snapshot: group allocations (or orders) by dimensions and compute measures.",
            "",
            "Dimensions: project, customer, country, offering, plan, resource_state, order_type, order_state, is_industry,",
            "  is_commercial, is_training, used_ai_tech, month, quarter, year.",
            "Measures: allocations, projects, cost, limit.C, usage.C, utilisation.C (C = cpu_k_hours, gpu_k_hours,",
            "  gb_k_hours, ...), orders, order_cost.",
            "Filter: country in ('Finland','Sweden') and is_industry = true and month >= 2026-01 (and, or, not, =, !=, <, <=,",
            "  >, >=, in).",
            "The CSV header is the dimensions, then the measures, in the order given."},
        footer = {"", "Example (after ./tally demo):",
            "  ./tally query --snapshot tally-demo/snapshot --year 2026 --group-by country --measure cost,usage.gpu_k_hours \\",
            "      --where \"is_industry = true\" --top 5"})
public final class QueryCommand implements Callable<Integer> {
    /** Output formats. */
    enum OutputFormat { TABLE, CSV, JSON, XLSX }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TallyCommand top;

    @Option(names = "--snapshot", required = true, paramLabel = "DIR", description = "Snapshot directory written by tally harvest.")
    Path snapshot;

    @Option(names = {"-g", "--group-by"}, paramLabel = "DIMS", defaultValue = "",
            description = "Dimensions to group by, comma-separated, in column order. None: one grand-total row.")
    String groupBy;

    @Option(names = {"-m", "--measure"}, required = true, paramLabel = "MEASURES",
            description = "Measures, comma-separated, in column order.")
    String measures;

    @Option(names = {"-w", "--where"}, paramLabel = "EXPR", description = "Filter expression.")
    String where;

    @Mixin
    PeriodOptions period;

    @Option(names = "--top", paramLabel = "N", defaultValue = "0",
            description = "Keep the first N groups (by --sort, else by the first measure, descending); the rest go to 'Other'.")
    int topN;

    @Option(names = "--sort", paramLabel = "KEYS", description = "Sort keys, comma-separated; -cost sorts descending.")
    String sort;

    @Option(names = "--subtotals", description = "Add a subtotal row after each group of the leading dimensions.")
    boolean subtotals;

    @Option(names = "--no-total", negatable = false, description = "Leave out the grand-total row.")
    boolean noTotal;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.XLSX && out == null) {
            throw new ParameterException(spec.commandLine(), "--format xlsx needs --out FILE");
        }
        ReportInput input = ReportInput.load(snapshot);
        Period p = ReportCommand.resolve(spec, period, input);
        ResultTable table;
        try {
            Query q = Query.builder(p).dimensions(groupBy).measures(measures).filter(where == null ? "" : where)
                    .sort(sort == null ? "" : sort).top(topN).subtotals(subtotals).grandTotal(!noTotal).build();
            table = QueryEngine.run(input.dataset(), q);
        } catch (QueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        switch (format) {
            case XLSX -> new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(table, List.of())),
                    new XlsxRenderer.DocumentProperties("Tally query: " + table.title(), p.label(), null, "tally query",
                            Map.of("Snapshot", snapshot.toAbsolutePath().normalize().toString())), out);
            case CSV -> emit(w -> new CsvRenderer(false).write(table, w));
            case JSON -> emit(w -> json(table, w));
            case TABLE -> emit(w -> {
                PrintWriter pw = new PrintWriter(w);
                TextTable.print(table, pw);
                table.notes().forEach(n -> pw.println("note: " + n));
                pw.flush();
            });
        }
        if (out != null && top != null && !top.quiet()) {
            spec.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize());
        }
        return 0;
    }

    private interface Body {
        void writeTo(Writer w) throws IOException;
    }

    private void emit(Body body) throws IOException {
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            StringWriter buffer = new StringWriter();
            body.writeTo(buffer);
            w.print(buffer);
            w.flush();
            return;
        }
        AtomicFiles.write(out, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            body.writeTo(w);
            w.flush();
        });
    }

    /** {title, columns, rows: [{key: value}], totals, notes}; numbers as in CSV, ratios as fractions. */
    static void json(ResultTable t, Writer w) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonGenerator g = mapper.getFactory().createGenerator(w).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("title", t.title());
        g.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
            g.writeStartObject();
            g.writeStringField("key", c.key());
            g.writeStringField("title", c.title());
            g.writeStringField("type", c.type().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (int r = 0; r < t.rows().size(); r++) {
            writeRow(g, t, t.rows().get(r), t.rowKinds().get(r).name().toLowerCase(java.util.Locale.ROOT));
        }
        g.writeEndArray();
        if (t.totals() != null) {
            g.writeFieldName("totals");
            writeRow(g, t, t.totals(), null);
        }
        g.writeArrayFieldStart("notes");
        for (String n : t.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        w.write(System.lineSeparator());
    }

    private static void writeRow(JsonGenerator g, ResultTable t, List<Object> row, String kind) throws IOException {
        g.writeStartObject();
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            Object v = row.get(c);
            g.writeFieldName(col.key());
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof BigDecimal d) {
                g.writeNumber(col.type() == ColumnType.PERCENT ? d.round(new java.math.MathContext(6)).stripTrailingZeros()
                        : new BigDecimal(CellText.exact(d, col.type())));
            } else {
                g.writeString(v.toString());
            }
        }
        if (kind != null && !kind.equals("detail")) {
            g.writeStringField("_row", kind);
        }
        g.writeEndObject();
    }
}
