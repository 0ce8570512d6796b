package dev.tally.cli.command;

import dev.tally.cli.cache.SnapshotCache;
import dev.tally.cli.option.CurrencyOption;
import dev.tally.cli.option.PeriodOptions;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.Wording;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.report.ReportJob;
import dev.tally.cli.template.ReportTemplate;
import dev.tally.cli.template.TemplateLoader;
import dev.tally.core.query.Period;
import dev.tally.waldur.snapshot.SnapshotException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tally report}: renders a template over a snapshot into xlsx, csv, png and svg files. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Render a report template over a snapshot as Excel, CSV, PNG and SVG files.",
        description = {
            "Render a report template over a snapshot: one Excel workbook (a sheet per section, Excel tables,",
            "SUBTOTAL totals rows, native charts, a provenance sheet), one CSV per section and one PNG/SVG per chart.",
            "Built-in templates: monthly-consortium, funder-country-share, ai-tech-breakdown; or pass a YAML file.",
            "Without a period option the report covers the last full month before the harvest. A period that runs past",
            "the snapshot's date is cut there (the cover sheet says so); one that starts after it is refused."},
        footer = {"", "Example (after ./tally demo):",
            "  ./tally report --snapshot tally-demo/snapshot --template monthly-consortium --month 2026-10 --out reports",
            "With what changed in closed months since an earlier harvest (a Restated sheet and CSV):",
            "  ./tally report --snapshot snapshots/2026-12 --previous snapshots/2026-11 --template monthly-consortium --out reports"})
public final class ReportCommand extends SnapshotCommand implements Callable<Integer> {
    @Option(names = {"-t", "--template"}, required = true, paramLabel = "NAME|FILE",
            description = "A built-in template name or a template YAML file.")
    String template;

    @Mixin
    PeriodOptions period;

    @Mixin
    ReportOutput output;

    @Mixin
    CurrencyOption currency;

    @Option(names = "--entitlements", paramLabel = "FILE",
            description = "YAML file with each country share's fraction of LUMI per component (funder-country-share).")
    Path entitlements;

    @Option(names = "--previous", paramLabel = "DIR",
            description = "An earlier snapshot: adds a Restated section with every figure of a month closed by then that changed.")
    Path previous;

    @Option(names = "--excel-bom", description = "Start CSV files with a UTF-8 byte order mark, for Excel on Windows.")
    boolean excelBom;

    @Option(names = "--data-sheet", description = "End the workbook with a Data sheet: one row per allocation and month,"
            + " typed columns, as an Excel table for pivot tables (a template can ask for it with data_sheet: true).")
    boolean dataSheet;

    @Option(names = "--exact", description = "CSV money at full precision (Waldur's 10 decimals) instead of rounded to"
            + " the cent, so re-adding the rows gives the totals exactly.")
    boolean exact;

    @Override
    public Integer call() throws Exception {
        ReportTemplate t = loadTemplate(spec, template);
        Set<OutputFormat> fmts = output.formats();
        Wording wording = currency.wording();
        Entitlements ent = Entitlements.NONE;
        if (entitlements != null) {
            if (!Files.isRegularFile(entitlements)) {
                throw new ParameterException(spec.commandLine(), "--entitlements " + entitlements + ": no such file");
            }
            try {
                ent = Entitlements.read(entitlements);
            } catch (IllegalArgumentException e) {
                // with its cause: a file's problems are several lines, and TallyCommand prints each
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        boolean quiet = top.quiet();
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, quiet);
        ReportInput input = readSnapshot(progress);
        ReportInput before = null;
        if (previous != null) {
            progress.step("reading previous snapshot " + previous);
            before = loadPrevious(spec, previous, cache.cache(top.files()));
        }
        Period p = period.resolveAt(input);
        progress.step("rendering " + t.name() + " for " + p.label());
        List<Path> files = new ReportJob(t, p, fmts, ent, entitlements == null ? null : entitlements.toString(), excelBom,
                wording, dataSheet, exact).write(input, before, top.files(), output.dir, f -> progress.step("wrote " + f.getFileName()));
        progress.done();
        if (!quiet) {
            PrintWriter w = spec.commandLine().getOut();
            w.println("Report " + t.name() + " for " + p.label() + " (" + input.dataset().size() + " allocations, "
                    + input.findings().size() + " data-quality findings):");
            files.forEach(f -> w.println("  " + f.toAbsolutePath().normalize()));
        }
        return 0;
    }

    /** The --previous snapshot, or a usage error when it is missing or damaged. */
    private static ReportInput loadPrevious(CommandSpec spec, Path dir, SnapshotCache cache) {
        try {
            return ReportInput.load(dir, cache);
        } catch (SnapshotException e) {
            throw new ParameterException(spec.commandLine(), "--previous: " + e.getMessage());
        }
    }

    static ReportTemplate loadTemplate(CommandSpec spec, String nameOrPath) {
        try {
            return TemplateLoader.load(nameOrPath);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
