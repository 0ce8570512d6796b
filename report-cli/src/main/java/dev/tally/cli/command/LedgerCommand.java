package dev.tally.cli.command;

import dev.tally.cli.option.OutputOptions;
import dev.tally.cli.option.WhereOption;
import dev.tally.cli.render.ChartRenderer;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.JsonRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.LedgerTables;
import dev.tally.cli.report.LedgerTables.Grouping;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.source.EndDates;
import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.ChartType;
import dev.tally.core.ledger.Ledger;
import dev.tally.core.ledger.LedgerBuilder;
import dev.tally.core.table.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally ledger}: the limits ledger of a snapshot, per country share or per allocation (docs/definitions.md, "Limits ledger"). */
@Command(name = "ledger", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Granted limits over time, used to date, burn rate and projected exhaustion.",
        description = {
            "The limits ledger of a snapshot: for each country share (or each allocation) and component, the monthly limit",
            "in force now, what was granted to date (the monthly limits day-weighted over every month so far, cuts included),",
            "what was used to date, the burn rate per day over the last 30 and 90 days, and the day the available balance",
            "runs out at each rate ('not before the allocation ends', 'no usage', 'already used up' or 'ended' otherwise).",
            "Everything is as of the snapshot's own time, never today's date.",
            "",
            "--history lists the dated changes instead: each Create and Update order's limits on its completion day (a cut",
            "is a negative change), and each allocation's end. --format xlsx writes all of it: the balances, the history and",
            "granted vs used to date per month with a native chart; --chart FILE.png|.svg draws that chart.",
            "Definitions: docs/definitions.md, \"Limits ledger\"."},
        footer = {"", "Examples (after ./tally demo):",
            "  ./tally ledger --snapshot tally-demo/snapshot --entitlements docs/examples/entitlements.yaml",
            "  ./tally ledger --snapshot tally-demo/snapshot --group-by allocation --where \"country = 'Finland'\" --format csv",
            "  ./tally ledger --snapshot tally-demo/snapshot --format xlsx --out ledger.xlsx --chart ledger-gpu.svg"})
public final class LedgerCommand extends SnapshotCommand implements Callable<Integer> {
    @Option(names = {"-g", "--group-by"}, paramLabel = "BY", defaultValue = "country",
            description = "country (one row per country share and component) or allocation. Default: ${DEFAULT-VALUE}.")
    String groupBy;

    @Option(names = "--history", description = "List the dated limit changes instead of the balances.")
    boolean history;

    @Option(names = "--entitlements", paramLabel = "FILE",
            description = "Country shares' entitlements (YAML, as for the funder-country-share template): adds an Entitlement column.")
    Path entitlements;

    @Mixin
    WhereOption where;

    @Mixin
    OutputOptions output;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also draw granted vs used to date per month to FILE (.png or .svg).")
    Path chart;

    @Option(names = "--chart-component", paramLabel = "C", defaultValue = "gpu_k_hours",
            description = "The component the chart shows. Default: ${DEFAULT-VALUE}.")
    String chartComponent;

    @Override
    public Integer call() throws Exception {
        Grouping by = grouping();
        output.validate();
        if (chart != null && !(chart.toString().toLowerCase(Locale.ROOT).endsWith(".png")
                || chart.toString().toLowerCase(Locale.ROOT).endsWith(".svg"))) {
            throw new ParameterException(spec.commandLine(), "--chart " + chart + ": the file name must end in .png or .svg");
        }
        Entitlements ent = Entitlements.NONE;
        if (entitlements != null) {
            if (!Files.isRegularFile(entitlements)) {
                throw new ParameterException(spec.commandLine(), "--entitlements " + entitlements + ": no such file");
            }
            ent = Entitlements.read(entitlements);
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), top.quiet());
        ReportInput input = readSnapshot(progress);
        Instant asOf = input.snapshot().manifest().startedAt();
        Ledger ledger = build(input, asOf);
        ResultTable table = history ? LedgerTables.history("history", ledger, by)
                : LedgerTables.balances("ledger", ledger, by, ent);
        ResultTable points = LedgerTables.points("granted-vs-used", "Granted vs used to date, per month", ledger.total(),
                ledger.components());
        ChartSpec chartSpec = chartSpec();
        progress.done();
        if (output.format() == OutputFormat.XLSX) {
            ResultTable other = history ? LedgerTables.balances("ledger", ledger, by, ent) : LedgerTables.history("history", ledger, by);
            List<XlsxRenderer.SheetSpec> sheets = List.of(new XlsxRenderer.SheetSpec(history ? other : table, List.of(), "Ledger"),
                    new XlsxRenderer.SheetSpec(history ? table : other, List.of(), "History"),
                    new XlsxRenderer.SheetSpec(points, chartSpec == null || !hasSeries(points, chartSpec) ? List.of() : List.of(chartSpec),
                            "Granted vs used"));
            output.write(table, (t, o) -> new XlsxRenderer().write(sheets, properties(asOf), o), top.files(), top.quiet());
        } else {
            TableRenderer renderer = switch (output.format()) {
                case CSV -> new CsvRenderer(false);
                case JSON -> new JsonRenderer(question(asOf));
                default -> new TextTable();
            };
            output.write(table, renderer, top.files(), top.quiet());
        }
        if (chart != null) {
            if (chartSpec == null || !hasSeries(points, chartSpec)) {
                throw new ParameterException(spec.commandLine(), "--chart-component " + chartComponent
                        + ": no such component in the ledger (it has " + String.join(", ", ledger.components()) + ")");
            }
            ChartRenderer renderer = new ChartRenderer();
            var drawn = renderer.chart(points, chartSpec);
            boolean svg = chart.toString().toLowerCase(Locale.ROOT).endsWith(".svg");
            top.files().write(chart, o -> {
                if (svg) {
                    renderer.writeSvg(drawn, o);
                } else {
                    renderer.writePng(drawn, o);
                }
            });
        }
        if (!top.quiet() && chart != null) {
            spec.commandLine().getOut().println("wrote " + chart.toAbsolutePath().normalize());
        }
        return 0;
    }

    private Grouping grouping() {
        return switch (groupBy.strip().toLowerCase(Locale.ROOT)) {
            case "country" -> Grouping.COUNTRY;
            case "allocation" -> Grouping.ALLOCATION;
            default -> throw new ParameterException(spec.commandLine(), "--group-by " + groupBy + ": use country or allocation");
        };
    }

    private Ledger build(ReportInput input, Instant asOf) {
        return new LedgerBuilder(input.dataset(), asOf, EndDates.of(input.snapshot())).build(where.selection(input));
    }

    private ChartSpec chartSpec() {
        return new ChartSpec("granted-vs-used", ChartType.LINE, "Granted vs used to date, " + chartComponent, "month",
                List.of("granted." + chartComponent, "used." + chartComponent), chartComponent);
    }

    private static boolean hasSeries(ResultTable t, ChartSpec c) {
        return t.columns().stream().anyMatch(col -> col.key().equals(c.series().get(0)));
    }

    private Map<String, Object> question(Instant asOf) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("group_by", groupBy);
        q.put("filter", where.filter());
        q.put("history", history);
        q.put("data_as_of", asOf.toString());
        return q;
    }

    private XlsxRenderer.DocumentProperties properties(Instant asOf) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put("Snapshot", snapshot.dir().toAbsolutePath().normalize().toString());
        custom.put("Filter", where.filter().isEmpty() ? "none" : where.filter());
        return new XlsxRenderer.DocumentProperties("Tally limits ledger", "Limits ledger", "Granted limits, usage, burn rate",
                "tally ledger", custom, asOf);
    }
}
