package dev.tally.cli.command;

import dev.tally.cli.option.CacheOption;
import dev.tally.cli.ToolVersion;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.render.Wording;
import dev.tally.cli.report.AsOfPeriod;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.Report;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.report.ReportJob;
import dev.tally.cli.report.ReportWriter;
import dev.tally.cli.template.TemplateLoader;
import dev.tally.core.query.Period;
import dev.tally.core.table.ResultTable;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tally demo}: the whole pipeline on a local emulator. Starts the emulator on an ephemeral
 * loopback port, harvests it over real HTTP, writes a snapshot, aggregates it and renders the
 * monthly report, then stops the emulator.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the whole pipeline on a local emulator and write a sample monthly report.",
        description = {
            "Run Tally end to end against a local Waldur emulator with a generated LUMI dataset:",
            "harvest it over HTTP into DIR/snapshot, then write the monthly report into DIR/reports",
            "with the monthly-consortium template (.xlsx workbook with native charts, one .csv per section, .png and",
            ".svg charts) and print the summary per country share."},
        footer = {"", "Afterwards, try:", "  ls tally-demo/reports",
            "  ./tally query --snapshot tally-demo/snapshot --group-by country --measure allocations,cost",
            "  ./tally report --snapshot tally-demo/snapshot --template funder-country-share --year 2026 --out reports"})
public final class DemoCommand extends TallySubcommand implements Callable<Integer> {
    @Mixin
    CacheOption cache;

    @Option(names = {"-o", "--out"}, defaultValue = "tally-demo", paramLabel = "DIR",
            description = "Where to write the snapshot and the reports. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N",
            description = "Dataset size; 1 is about LUMI today (~4,000 allocations). Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Dataset seed; the same seed gives the same data and the same report. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "Month to report. Default: the last full month of the dataset.")
    YearMonth month;

    /** The emulator's port unless --port says otherwise: a fixed one, since its URLs are part of the snapshot. */
    static final int DEFAULT_PORT = 8777;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, paramLabel = "PORT",
            description = "Loopback port for the emulator; 0 takes any free one. The port is part of every URL in"
                    + " the snapshot (and so of its checksums and the report's provenance): the same port, seed and"
                    + " scale give the same bytes on any date. When the port is in use, a free one is taken and a"
                    + " warning says so. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1, got " + scale);
        }
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, got " + port);
        }
        PrintWriter w = spec.commandLine().getOut();
        boolean quiet = top.quiet();
        EmulatorConfig emulatorConfig = EmulatorConfig.defaults().withScale(scale).withSeed(seed);
        Path snapshotDir = out.resolve("snapshot");
        Path reportsDir = out.resolve("reports");
        try (Emulator emulator = start(emulatorConfig)) {
            // built while the other collections are served, not when the harvest asks for them last
            emulator.prepareInvoices();
            if (!quiet) {
                w.println("Emulator (seed " + seed + ", scale " + scale + ") on " + emulator.baseUrl());
                w.flush();
            }
            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE)
                    .concurrency(4)
                    .build();
            // Stamped with the emulator's logical clock, not the run's: the demo's data is as of the
            // emulator's fixed "now", so the same seed and scale give the same bytes on any date.
            new Harvester(new WaldurClient(config), ToolVersion.get(), emulator.clock())
                    .harvest(snapshotDir, EnumSet.allOf(WaldurCollection.class), new ProgressLine(spec.commandLine().getErr(), quiet));
        }
        ReportInput input = ReportInput.load(snapshotDir, cache.cache(top.files()));
        // the same default as report and query: the last full month before the snapshot's date
        YearMonth reportMonth = month != null ? month : input.lastFullMonth();
        try {
            AsOfPeriod.of(Period.month(reportMonth), input.dataset().asOf());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--month: " + e.getMessage());
        }
        ReportJob job = new ReportJob(TemplateLoader.builtIn("monthly-consortium"), Period.month(reportMonth),
                OutputFormat.REPORT, Entitlements.NONE, null, false);
        Report report = job.compute(input);
        List<Path> files = new ReportWriter(top.files(), false, null).write(report, job.formats(), reportsDir);
        if (!quiet) {
            w.println();
            w.println("Monthly report for " + reportMonth + ": " + AllocationCount.of(input.dataset(), report.period()).sentence()
                    + " " + String.format(java.util.Locale.ROOT, "%,d", input.findings().size()) + " data-quality findings.");
            w.println();
            ResultTable summary = report.section("summary").table();
            TextTable.print(Wording.DEFAULT.forPeople(summary(summary), null), w);
            // the notes say why the projects total is less than its rows and which rows are no country share
            summary.notes().forEach(n -> w.println("note: " + dev.tally.cli.render.InertText.escape(n)));
            w.println();
            w.println("Snapshot: " + snapshotDir.toAbsolutePath().normalize());
            w.println("Wrote:");
            files.forEach(f -> w.println("  " + f.toAbsolutePath().normalize()));
        }
        return 0;
    }

    /** The emulator on --port, or on a free port with a warning when that one is taken. */
    private Emulator start(EmulatorConfig config) throws java.io.IOException {
        try {
            return Emulator.start(config.withPort(port));
        } catch (java.net.BindException e) {
            if (port == 0) {
                throw e;
            }
            Emulator emulator = Emulator.start(config.withPort(0));
            spec.commandLine().getErr().println("tally: warning: port " + port + " is in use; the emulator listens on "
                    + emulator.port() + " instead, so the snapshot's URLs and checksums differ from a run on " + port
                    + " (choose one with --port)");
            return emulator;
        }
    }

    /** The summary without the comparison columns, so it fits a terminal: share, allocations, projects, limits, cost. */
    static ResultTable summary(ResultTable t) {
        List<Integer> keep = new java.util.ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            String key = t.columns().get(c).key();
            boolean limit = key.startsWith("limit.") && !key.endsWith(".share");
            if (key.equals("country") || key.equals("allocations") || key.equals("projects") || limit || key.equals("cost")) {
                keep.add(c);
            }
        }
        java.util.function.Function<List<Object>, List<Object>> pick = row -> {
            List<Object> out = new java.util.ArrayList<>();
            keep.forEach(c -> out.add(row.get(c)));
            return out;
        };
        return new ResultTable(t.name(), t.title(), keep.stream().map(t.columns()::get).toList(),
                t.rows().stream().map(pick).toList(), t.totals() == null ? null : pick.apply(t.totals()), t.notes(), t.rowKinds());
    }
}
