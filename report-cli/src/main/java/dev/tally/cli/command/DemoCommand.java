package dev.tally.cli.command;

import dev.tally.cli.TallyCommand;
import dev.tally.cli.ToolVersion;
import dev.tally.cli.render.TextTable;
import dev.tally.cli.report.MonthlyReport;
import dev.tally.cli.report.Provenance;
import dev.tally.cli.source.FactBuilder;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.fact.AllocationFact;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tally demo}: the whole pipeline on a local emulator. Starts the emulator on an ephemeral
 * loopback port, harvests it over real HTTP, writes a snapshot, aggregates it and renders the
 * monthly report, then stops the emulator.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run Tally end to end against a local Waldur emulator with a generated LUMI dataset:",
            "harvest it over HTTP into DIR/snapshot, then write the monthly report into DIR/reports",
            "(.xlsx workbook, one .csv per table, a .png chart) and print the summary per country share."},
        footer = {"", "Afterwards, try:", "  ls tally-demo/reports", "  ./tally harvest --help"})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TallyCommand top;

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

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1, got " + scale);
        }
        PrintWriter w = spec.commandLine().getOut();
        boolean quiet = top != null && top.quiet();
        EmulatorConfig emulatorConfig = EmulatorConfig.defaults().withScale(scale).withSeed(seed);
        YearMonth reportMonth = month != null ? month
                : YearMonth.from(emulatorConfig.asOf().atOffset(ZoneOffset.UTC)).minusMonths(1);
        Path snapshotDir = out.resolve("snapshot");
        Path reportsDir = out.resolve("reports");
        try (Emulator emulator = Emulator.start(emulatorConfig)) {
            if (!quiet) {
                w.println("Emulator (seed " + seed + ", scale " + scale + ") on " + emulator.baseUrl());
                w.flush();
            }
            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE)
                    .concurrency(4)
                    .build();
            new Harvester(new WaldurClient(config), ToolVersion.get(), Clock.systemUTC())
                    .harvest(snapshotDir, EnumSet.allOf(WaldurCollection.class), new ProgressLine(spec.commandLine().getErr(), quiet));
        }
        Snapshot snapshot = Snapshot.open(snapshotDir);
        List<AllocationFact> facts = new FactBuilder(CountryResolver.standard()).build(snapshot);
        MonthlyReport report = MonthlyReport.of(facts, reportMonth);
        List<Path> files = report.writeAll(reportsDir, Provenance.of(snapshot, "monthly (demo)", reportMonth.toString()));
        if (!quiet) {
            w.println();
            w.println("Monthly report for " + reportMonth + " (" + facts.size() + " allocations in the snapshot)");
            w.println();
            TextTable.print(report.sharesTable(), w);
            w.println();
            w.println("Snapshot: " + snapshotDir.toAbsolutePath().normalize());
            w.println("Wrote:");
            files.forEach(f -> w.println("  " + f.toAbsolutePath().normalize()));
        }
        return 0;
    }
}
