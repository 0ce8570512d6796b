package dev.tally.cli.command;

import dev.tally.cli.TallyCommand;
import dev.tally.cli.option.CurrencyOption;
import dev.tally.cli.option.PeriodOptions;
import dev.tally.cli.option.SnapshotOption;
import dev.tally.cli.render.Wording;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.AsOfPeriod;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.query.QueryException;
import dev.tally.core.table.ResultTable;
import java.time.Instant;
import java.util.LinkedHashMap;
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
            "  is_commercial, is_training, used_ai_tech, access_type, field_of_science, allocation, month, quarter, year.",
            "Measures: allocations, projects, cost, limit.C, usage.C, utilisation.C (C = cpu_k_hours, gpu_k_hours,",
            "  gb_k_hours, ...), orders, order_cost.",
            "Filter: country in ('Finland','Sweden') and is_industry = true and month >= 2026-01 (and, or, not, =, !=, <, <=,",
            "  >, >=, in).",
            "The CSV header is the dimensions, then the measures, in the order given. Every other format says what was",
            "asked (period, filter, grouping, measures, data as of); CSV does so with --header-comment.",
            "Without a period option: the last full month before the harvest. A period past the snapshot's date is cut",
            "there (a note says so); one that starts after it is refused."},
        footer = {"", "Example (after ./tally demo):",
            "  ./tally query --snapshot tally-demo/snapshot --year 2026 --group-by country --measure cost,usage.gpu_k_hours \\",
            "      --where \"is_industry = true\" --top 5"})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TallyCommand top;

    @Mixin
    SnapshotOption snapshot;

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

    @Mixin
    QueryOutput output;

    @Mixin
    CurrencyOption currency;

    @Override
    public Integer call() throws Exception {
        output.validate();
        ReportInput input = ReportInput.load(snapshot.dir(), snapshot.priceHistory());
        Wording wording = currency.wording().withMeasuredUnits(input.dataset().componentUnits());
        AsOfPeriod asOf = AsOfPeriod.of(period.resolveAt(input), input.dataset().asOf());
        Period p = asOf.period();
        ResultTable table;
        try {
            Query q = Query.builder(p).dimensions(groupBy).measures(measures).filter(where == null ? "" : where)
                    .sort(sort == null ? "" : sort).top(topN).subtotals(subtotals).grandTotal(!noTotal).build();
            table = QueryEngine.run(input.dataset(), q);
        } catch (QueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Instant dataAsOf = input.snapshot().manifest().startedAt();
        QueryQuestion question = new QueryQuestion(p, where, QueryQuestion.names(groupBy), QueryQuestion.names(measures), sort,
                topN, dataAsOf, asOf.notes());
        Map<String, String> custom = new LinkedHashMap<>(question.fields());
        custom.put("Snapshot", snapshot.dir().toAbsolutePath().normalize().toString());
        XlsxRenderer.DocumentProperties workbook = new XlsxRenderer.DocumentProperties("Tally query, " + p.label(),
                p.label(), String.join("\n", question.lines()), "tally query", custom, dataAsOf);
        output.write(table, output.renderer(workbook, question, wording), top.files(), spec.commandLine().getOut());
        if (output.out != null && !top.quiet()) {
            spec.commandLine().getOut().println("wrote " + output.out.toAbsolutePath().normalize());
        }
        return 0;
    }
}
