package dev.tally.cli.command;

import dev.tally.cli.option.OutputOptions;
import dev.tally.cli.option.WhereOption;
import dev.tally.cli.reconcile.SiteFileException;
import dev.tally.cli.reconcile.SiteFormat;
import dev.tally.cli.reconcile.SiteUsageReader;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.JsonRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.ReconcileTables;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.reconcile.Reconciliation;
import dev.tally.core.reconcile.SiteRecord;
import dev.tally.core.reconcile.UsageReconciler;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally reconcile}: Waldur's figures against a second source (docs/definitions.md, "Reconciliation"). */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare Waldur's usage with a site's accounting, or the computed cost with Waldur's invoices.",
        description = {
            "Compare a snapshot with a second source and list where they disagree, per allocation (or project), month and",
            "component, with totals per country share.",
            "",
            "--site-usage FILE: the site's own accounting export (one amount per allocation or project, month and component),",
            "  read through --mapping: 'sreport' (pipe-separated sreport -nP lines: month|allocation|TRES|user|hours),",
            "  'lumi-allocations' (CSV: project,month,cpu_core_hours,gpu_hours,storage_tb_hours) or your own YAML mapping.",
            "  Only the months the file covers are compared; a row missing on one side is zero there.",
            "--invoices: Tally's computed monthly cost per allocation against the price Waldur invoiced (invoice items,",
            "  harvested when the token may read them).",
            "A row is listed when |other - Waldur| is more than --threshold (in k-hours, or in the currency for --invoices).",
            "Formats: docs/reports.md, \"Reconciliation\"; examples in docs/examples/.",
            "",
            "Exit codes: 0 the comparison ran (differences or not); 1 with --fail-on-differences, when at least one",
            "difference is above --threshold (the output is written first); 2 a bad option, file or mapping."},
        footer = {"", "Examples (after ./tally demo):",
            "  ./tally reconcile --snapshot tally-demo/snapshot --site-usage docs/examples/site-usage.sreport.txt --mapping sreport",
            "  ./tally reconcile --snapshot tally-demo/snapshot --site-usage docs/examples/site-usage.lumi-allocations.csv \\",
            "      --mapping lumi-allocations --threshold 0.5 --format csv",
            "  ./tally reconcile --snapshot tally-demo/snapshot --invoices"})
public final class ReconcileCommand extends SnapshotCommand implements Callable<Integer> {
    /** Invoice items are each rounded to cents: a few of them per allocation and month stay within five cents. */
    static final BigDecimal INVOICE_THRESHOLD = new BigDecimal("0.05");

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--site-usage", paramLabel = "FILE", description = "The site's accounting export (CSV or delimited text).")
        Path siteUsage;

        @Option(names = "--invoices", description = "Compare the computed monthly cost with Waldur's invoice items in the snapshot.")
        boolean invoices;
    }

    @Option(names = "--mapping", paramLabel = "NAME|FILE", defaultValue = "lumi-allocations",
            description = "How to read --site-usage: sreport, lumi-allocations or a YAML mapping file. Default: ${DEFAULT-VALUE}.")
    String mapping;

    @Option(names = "--threshold", paramLabel = "N",
            description = "List only differences larger than N: k-hours (default 0), or currency for --invoices (default 0.05,"
                    + " since each invoice item is rounded to cents).")
    BigDecimal threshold;

    @Option(names = "--totals", description = "With --format csv or json: the totals per country share instead of the differences.")
    boolean totals;

    @Option(names = "--fail-on-differences",
            description = "Exit 1 (after writing the output) when any difference is above --threshold, for cron and CI checks.")
    boolean failOnDifferences;

    @Mixin
    WhereOption where;

    @Mixin
    OutputOptions output;

    /** The exit code of a comparison that found differences, with --fail-on-differences. */
    static final int DIFFERENCES_FOUND = 1;

    @Override
    public Integer call() throws Exception {
        output.validate();
        if (threshold == null) {
            threshold = source.invoices ? INVOICE_THRESHOLD : BigDecimal.ZERO;
        }
        if (threshold.signum() < 0) {
            throw new ParameterException(spec.commandLine(), "--threshold " + threshold.toPlainString() + ": must not be negative");
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), top.quiet());
        List<SiteRecord> site = null;
        SiteFormat f = null;
        if (source.siteUsage != null) {
            if (!Files.isRegularFile(source.siteUsage)) {
                throw new ParameterException(spec.commandLine(), "--site-usage " + source.siteUsage + ": no such file");
            }
            try {
                f = SiteFormat.load(mapping);
                site = new SiteUsageReader(f).read(source.siteUsage);
            } catch (SiteFileException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        ReportInput input = readSnapshot(progress);
        String tallyTitle;
        String otherTitle;
        ColumnType type;
        Reconciliation r;
        if (site != null) {
            r = UsageReconciler.reconcile(input.dataset(), site, f.key(), f.waldurComponents(), threshold, where.selection(input));
            tallyTitle = "Waldur usage";
            otherTitle = "Site usage";
            type = ColumnType.KHOURS;
        } else {
            r = InvoiceCheck.reconcile(spec, input, threshold, where.selection(input));
            tallyTitle = "Computed cost";
            otherTitle = "Invoiced";
            type = ColumnType.MONEY;
        }
        progress.done();
        ResultTable differences = ReconcileTables.differences(r, tallyTitle, otherTitle, type);
        ResultTable shareTotals = ReconcileTables.totals(r, tallyTitle, otherTitle, type);
        if (output.format() == OutputFormat.XLSX) {
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put("Snapshot", snapshot.dir().toAbsolutePath().normalize().toString());
            XlsxRenderer.DocumentProperties props = new XlsxRenderer.DocumentProperties("Tally reconciliation", "Reconciliation",
                    tallyTitle + " against " + otherTitle, "tally reconcile", custom, input.snapshot().manifest().startedAt());
            output.write(differences, (t, o) -> new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(differences, List.of(),
                    "Differences"), new XlsxRenderer.SheetSpec(shareTotals, List.of(), "Totals")), props, o), top.files(), top.quiet());
        } else if (output.format() == OutputFormat.TABLE) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            new TextTable().render(differences, buffer);
            buffer.write(System.lineSeparator().getBytes(StandardCharsets.UTF_8));
            new TextTable().render(shareTotals, buffer);
            output.write(buffer.toByteArray(), top.files(), top.quiet());
        } else {
            TableRenderer renderer = output.format() == OutputFormat.CSV ? new CsvRenderer(false) : new JsonRenderer(Map.of(
                    "threshold", threshold.toPlainString(), "filter", where.filter(),
                    "source", source.invoices ? "invoices" : source.siteUsage.toString()));
            output.write(totals ? shareTotals : differences, renderer, top.files(), top.quiet());
        }
        return failOnDifferences && !r.differences().isEmpty() ? DIFFERENCES_FOUND : 0;
    }
}
