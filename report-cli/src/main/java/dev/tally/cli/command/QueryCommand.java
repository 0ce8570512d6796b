package dev.tally.cli.command;

import dev.tally.cli.option.CacheOption;
import dev.tally.cli.option.CurrencyOption;
import dev.tally.cli.option.OutputOptions;
import dev.tally.cli.option.PeriodOptions;
import dev.tally.cli.option.SnapshotOption;
import dev.tally.cli.render.InertText;
import dev.tally.cli.render.Wording;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.AsOfPeriod;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.Severity;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.query.QueryException;
import dev.tally.core.table.ResultTable;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally query}: an ad-hoc question to a snapshot, answered as a table, CSV, JSON or a workbook. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Answer an ad-hoc question from a snapshot: group by dimensions, compute measures.",
        description = {
            "Answer an ad-hoc question from a snapshot: group allocations (or orders) by dimensions and compute measures.",
            "",
            "Dimensions: project, customer, country, offering, plan, resource_state, order_type, order_state, is_industry,",
            "  is_commercial, is_training, used_ai_tech, access_type, field_of_science, allocation, month, quarter, year.",
            "Measures: allocations, projects, cost, limit.C, usage.C, utilisation.C (C = cpu_k_hours, gpu_k_hours,",
            "  gb_k_hours, ...), orders, order_cost; and for any of them M: share.M (%% of the total), change.M and",
            "  change_pct.M (against the previous period; by month, against the month before).",
            "Filter: country in ('Finland','Sweden') and is_industry = true and month >= 2026-01 (and, or, not, =, !=, <, <=,",
            "  >, >=, in, contains, like with %% and _): project contains 'ice', offering like 'LUMI %% / Regular'.",
            "  A value no allocation has (country = 'Fnland') gives a warning on standard error with the known values.",
            "CSV money is rounded to the cent; --exact keeps full precision.",
            "The CSV header is the dimensions, then the measures, in the order given. Every other format says what was",
            "asked (period, filter, grouping, measures, data as of); CSV does so with --header-comment.",
            "Without a period option: the last full month before the harvest. A period past the snapshot's date is cut",
            "there (a note says so); one that starts after it is refused."},
        footer = {"", "Example (after ./tally demo):",
            "  ./tally query --snapshot tally-demo/snapshot --year 2026 --group-by country --measure cost,usage.gpu_k_hours \\",
            "      --where \"is_industry = true\" --top 5",
            "  ./tally query --snapshot tally-demo/snapshot --month 2026-10 --group-by country \\",
            "      --measure cost,share.cost,change.cost,change_pct.cost"})
public final class QueryCommand extends TallySubcommand implements Callable<Integer> {
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
    OutputOptions output;

    @Mixin
    QueryOutput rendering;

    @Option(names = "--data-sheet", description = "With --format xlsx: add a Data sheet with the facts the answer is"
            + " computed from (one row per allocation and month, filtered as asked), as an Excel table for pivot tables.")
    boolean dataSheet;

    @Mixin
    CurrencyOption currency;

    @Mixin
    CacheOption cache;

    @Override
    public Integer call() throws Exception {
        output.validate();
        rendering.validate(output.format());
        // tally serve hands in its loaded snapshot through top.input; other price snapshots mean a fresh load
        ReportInput input = snapshot.priceHistory().isEmpty() ? top.input(snapshot.dir(), cache.cache(top.files()))
                : ReportInput.load(snapshot.dir(), snapshot.priceHistory(), cache.cache(top.files()));
        Wording wording = currency.wording().withMeasuredUnits(input.dataset().componentUnits());
        AsOfPeriod asOf = AsOfPeriod.of(period.resolveAt(input), input.dataset().asOf());
        Period p = asOf.period();
        ResultTable table;
        Query q;
        try {
            q = Query.builder(p).dimensions(groupBy).measures(measures).filter(where == null ? "" : where)
                    .sort(sort == null ? "" : sort).top(topN).subtotals(subtotals).grandTotal(!noTotal).build();
            table = QueryEngine.run(input.dataset(), q);
            // a probable typo: the answer is empty or smaller, so say so where a person looks, not only in the notes
            QueryEngine.warnings(input.dataset(), q).forEach(w -> spec.commandLine().getErr().println("tally: warning: " + w));
        } catch (QueryException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Instant dataAsOf = input.snapshot().manifest().startedAt();
        QueryQuestion question = new QueryQuestion(p, where, QueryQuestion.names(groupBy), QueryQuestion.names(measures), sort,
                topN, dataAsOf, asOf.notes());
        Map<String, String> custom = new LinkedHashMap<>(question.fields());
        // where the data came from, in words: the source API and the harvest time, never a local path
        var manifest = input.snapshot().manifest();
        custom.put("Source API", "Waldur marketplace API at " + (manifest.apiUrl() == null ? "an unknown address"
                : dev.tally.waldur.WaldurClientConfig.withoutCredentials(manifest.apiUrl())));
        custom.put("Harvest started", Wording.asOf(dataAsOf));
        XlsxRenderer.DocumentProperties workbook = new XlsxRenderer.DocumentProperties("Tally query, " + p.label(),
                p.label(), String.join("\n", question.lines()), "tally query", custom, dataAsOf);
        if (dataSheet && output.format() != dev.tally.cli.render.OutputFormat.XLSX) {
            throw new ParameterException(spec.commandLine(), "--data-sheet needs --format xlsx");
        }
        dev.tally.cli.render.TableRenderer renderer = rendering.renderer(output.format(), workbook, question, wording);
        if (dataSheet) {
            ResultTable data = dev.tally.cli.report.DataSheet.table(input.dataset(), p, where);
            renderer = rendering.withDataSheet(workbook, question, wording, data);
        }
        output.write(table, renderer, top.files(), top.quiet());
        if (!top.quiet()) {
            warnings(DataQuality.affecting(input.dataset(), input.findings(), QueryEngine.counted(input.dataset(), q)));
        }
        return 0;
    }

    /** Lines printed before the rest are only counted; tally report's data-quality sheet lists them all. */
    static final int MAX_WARNINGS = 20;

    /**
     * The data-quality findings about the allocations the answer counts, on stderr, one line each and counted, so
     * that a figure that rests on doubtful data never looks clean (docs/reliability.md, "Data invariants").
     */
    private void warnings(List<Finding> affecting) {
        PrintWriter err = spec.commandLine().getErr();
        affecting.stream().limit(MAX_WARNINGS).forEach(f -> err.println("tally: warning: "
                + InertText.escape(f.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + f.kind().key() + ": " + f.message())));
        if (!affecting.isEmpty()) {
            long errors = affecting.stream().filter(f -> f.severity() == Severity.ERROR).count();
            err.println("tally: warning: " + affecting.size() + " data-quality finding(s) (" + errors + " error(s)) affect this answer"
                    + (affecting.size() > MAX_WARNINGS ? "; the first " + MAX_WARNINGS + " are above, " : "; ")
                    + "tally report lists them all in its data-quality sheet");
        }
    }
}
