package dev.tally.cli.command;

import dev.tally.cli.option.CacheOption;
import dev.tally.cli.ToolVersion;
import dev.tally.cli.option.TokenFile;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.DiffText;
import dev.tally.cli.render.UnsafePathException;
import dev.tally.cli.report.AsOfPeriod;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.report.ReportJob;
import dev.tally.cli.report.publish.DestinationPattern;
import dev.tally.cli.report.publish.ExportConfig;
import dev.tally.cli.report.publish.ExportLog;
import dev.tally.cli.report.publish.LatestPointer;
import dev.tally.cli.report.publish.LockHeldException;
import dev.tally.cli.report.publish.RunHistory;
import dev.tally.cli.report.publish.SnapshotStore;
import dev.tally.cli.report.publish.Publisher;
import dev.tally.cli.template.ReportTemplate;
import dev.tally.cli.template.TemplateLoader;
import dev.tally.cli.template.YamlTree;
import dev.tally.core.history.SnapshotDiff;
import dev.tally.core.query.Period;
import dev.tally.core.quality.Severity;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.IncrementalOptions;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import dev.tally.waldur.snapshot.SnapshotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally export}: harvest, render and publish in one unattended run, for cron or a systemd timer. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Harvest, render and publish a month's reports in one unattended run (cron).",
        description = {
            "Harvest (or read a snapshot), render the configured templates for a month and publish the files to the",
            "destination, e.g. a shared drive. Files are rendered into a staging folder beside the destination and",
            "renamed into place only when all are complete: a failed or killed run leaves the previous files as they",
            "were, and re-running a month replaces its files. A lock file stops two runs from colliding.",
            "One log line on standard output says what was written; every line the export logs starts with the UTC time,",
            "e.g. '2026-11-02T06:00:00Z tally export: ...'. With 'history' in the config each run's snapshot is kept, and",
            "the next run's reports get a Restated section and a snapshot-diff.txt against it.",
            "See docs/export.md for the config format."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Published.",
            "1:Failed; nothing was published and the previous files are untouched.",
            "2:Invalid usage or config (the message names the file and line).",
            "3:Published, but --strict is on and the data has data-quality errors.",
            "4:Another tally export holds the lock; this run did nothing (the next timer run will try again)."},
        footer = {"", "Example (after ./tally demo):", "  ./tally export --config docs/examples/export-demo.yaml"})
public final class ExportCommand extends TallySubcommand implements Callable<Integer> {
    /** Exit code for a run that published with data-quality errors under --strict. */
    public static final int PARTIAL = 3;
    /** Exit code for a run that found another export holding the lock and did nothing. */
    public static final int LOCKED = 4;
    /** The file beside the reports saying what changed since the previous kept snapshot. */
    public static final String DIFF_FILE = "snapshot-diff.txt";

    @Mixin
    CacheOption cache;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "Export config (YAML).")
    Path config;

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "Month to export. Default: the config's month, else the last full month before the harvest.")
    YearMonth month;

    @Option(names = "--strict", description = "Exit with 3 when the data has data-quality errors (the files are still published).")
    boolean strict;

    @Option(names = "--strict-permissions",
            description = "Refuse a token file that group or others can read (default: a warning on stderr).")
    boolean strictPermissions;

    @Override
    public Integer call() throws Exception {
        ExportConfig cfg;
        List<ReportTemplate> templates = new ArrayList<>();
        Entitlements ent;
        try {
            if (!Files.isRegularFile(config)) {
                throw new IllegalArgumentException("--config " + config + ": no such file");
            }
            cfg = ExportConfig.read(config);
            for (int i = 0; i < cfg.templates().size(); i++) {
                ReportTemplate template = resolveTemplate(cfg.templates().get(i), config);
                DestinationPattern.checkFor(cfg.destination(), template.name());
                for (ReportTemplate other : templates) {
                    if (other.name().equals(template.name())) {
                        // both would publish under one name, the second overwriting the first; named at the
                        // second's FILE:LINE like every config error (docs/reliability.md, "Templates and configs")
                        throw YamlTree.read(config).error("templates[" + i + "]", "templates " + other.source() + " and "
                                + template.source() + " are both named '" + template.name() + "'");
                    }
                }
                templates.add(template);
            }
            // read before any harvest, so a bad file costs no server time
            ent = entitlements(cfg);
        } catch (IllegalArgumentException e) {
            // the cause goes along: a config's problems are several lines, and TallyCommand prints each
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        boolean quiet = top.quiet();
        PrintWriter err = spec.commandLine().getErr();
        ExportLog log = new ExportLog(top.clock());
        ProgressLine progress = new ProgressLine(err, quiet);
        Path snapshotDir = cfg.snapshot();
        Path temporary = null;
        if (snapshotDir == null && cfg.snapshots() != null) {
            // the month the harvest runs in names its snapshot folder; the clock is the run's (TallyCommand.clock)
            snapshotDir = DestinationPattern.resolve(cfg.snapshots(), YearMonth.now(top.clock()), "snapshot");
            // a 'snapshots:' pattern that names the config folder or a source tree is refused before connecting
            Harvester.checkTarget(snapshotDir);
        }
        try {
            if (cfg.snapshot() == null) {
                if (snapshotDir == null) {
                    temporary = Files.createTempDirectory("tally-export-");
                    snapshotDir = temporary.resolve("snapshot");
                }
                harvest(cfg, snapshotDir, progress, log, err);
            }
            progress.step("reading snapshot " + snapshotDir);
            ReportInput input = ReportInput.load(snapshotDir, cache.cache(top.files()));
            YearMonth m = month != null ? month : cfg.month() != null ? cfg.month() : input.lastFullMonth();
            try {
                // a month that starts after the data's date is a usage error, as in tally report (docs/reports.md)
                AsOfPeriod.of(Period.month(m), input.dataset().asOf());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            // published files get the config's file_mode, else what the umask gives (docs/export.md)
            AtomicFiles files = top.files().withMode(cfg.fileMode());
            Publisher publisher = new Publisher(DestinationPattern.root(cfg.destination()), files, cfg.dirMode());
            Publisher.Lock lock;
            try {
                lock = publisher.lock();
            } catch (LockHeldException e) {
                err.println(log.line(e.getMessage() + " (exit " + LOCKED + ")"));
                return LOCKED;
            }
            long errors = input.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
            boolean partial = (strict || cfg.strict()) && errors > 0;
            List<String> names = templates.stream().map(ReportTemplate::name).toList();
            RunHistory history = new RunHistory(publisher.root(), files);
            List<Path> published;
            try (lock) {
                List<Path> folders = new ArrayList<>();
                SnapshotStore store = cfg.history() == null ? null
                        : new SnapshotStore(cfg.history().dirUnder(publisher.root()), cfg.history().keep());
                ReportInput previous = previous(store, input, progress);
                try (Publisher.Staging staging = publisher.stage()) {
                    for (ReportTemplate t : templates) {
                        Path dest = DestinationPattern.resolve(cfg.destination(), m, t.name());
                        folders.add(dest);
                        progress.step("rendering " + t.name() + " for " + m);
                        new ReportJob(t, Period.month(m), cfg.formats(), ent,
                                cfg.entitlements() == null ? null : cfg.entitlements().toString(), cfg.excelBom())
                                .write(input, previous, files, staging.folderFor(dest), f -> progress.step("rendered " + f.getFileName()));
                    }
                    if (previous != null) {
                        writeDiff(previous, input, folders, staging, files);
                    }
                    progress.step("publishing");
                    published = staging.publish();
                    new LatestPointer(publisher.root(), files).pointTo(folders);
                } catch (Exception e) {
                    recordFailure(history, new RunHistory.Entry(log.now(), m, names, 0, RunHistory.Result.FAILED, exitCodeOf(e)), e);
                    throw e;
                }
                history.append(new RunHistory.Entry(log.now(), m, names, published.size(),
                        partial ? RunHistory.Result.PUBLISHED_WITH_ERRORS : RunHistory.Result.PUBLISHED, partial ? PARTIAL : 0));
                if (store != null) {
                    // kept only once its reports are out: the next run restates against what was published
                    progress.step("keeping the snapshot in " + store.dir());
                    store.keep(snapshotDir);
                }
            }
            progress.done();
            if (!quiet) {
                List<Path> dirs = published.stream().map(Path::getParent).distinct().toList();
                spec.commandLine().getOut().println(log.line(m + ": wrote " + published.size() + " files to "
                        + String.join(", ", dirs.stream().map(Path::toString).toList()) + " ("
                        + String.join(", ", names) + "; tally "
                        + ToolVersion.get() + "; " + input.findings().size() + " data-quality findings, " + errors + " errors)"));
                if (top.verbose()) {
                    published.forEach(p -> spec.commandLine().getOut().println(log.line("published " + p)));
                }
            }
            if (partial) {
                err.println(log.line(errors + " data-quality error(s) in the data (see the data-quality sheet); exit "
                        + PARTIAL + " because of --strict"));
                return PARTIAL;
            }
            return 0;
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    /** The newest kept snapshot harvested before this run's, or null without a store or a kept snapshot. */
    private ReportInput previous(SnapshotStore store, ReportInput input, ProgressLine progress) throws IOException {
        if (store == null) {
            return null;
        }
        Path dir = store.latestBefore(input.snapshot().manifest().startedAt()).orElse(null);
        if (dir == null) {
            return null;
        }
        progress.step("reading previous snapshot " + dir);
        return ReportInput.load(dir, cache.cache(top.files()));
    }

    /** {@value #DIFF_FILE} in each month folder: what changed since the previous snapshot (docs/export.md). */
    private static void writeDiff(ReportInput previous, ReportInput input, List<Path> folders, Publisher.Staging staging,
            AtomicFiles files) throws IOException {
        SnapshotDiff diff = SnapshotDiff.between(previous.dataset(), input.dataset());
        DiffText text = new DiffText(previous.snapshot().dir().getFileName().toString(),
                input.snapshot().dir().getFileName().toString());
        for (Path dest : new java.util.LinkedHashSet<>(folders)) {
            files.write(staging.folderFor(dest).resolve(DIFF_FILE), out -> text.render(diff, out));
        }
    }

    /**
     * Adds a failed run's line to the history. The run's own error is what the operator must see, so a
     * history that cannot be written either (the disk is full) is attached to it, not thrown instead.
     */
    private static void recordFailure(RunHistory history, RunHistory.Entry entry, Exception cause) {
        try {
            history.append(entry);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** The exit code tally's error handler gives {@code e}: a refused path is a usage error (2), the rest a failure (1). */
    private static int exitCodeOf(Exception e) {
        return e instanceof UnsafePathException || e instanceof dev.tally.cli.template.TemplateException ? CommandLine.ExitCode.USAGE
                : CommandLine.ExitCode.SOFTWARE;
    }

    private static Entitlements entitlements(ExportConfig cfg) throws IOException {
        if (cfg.entitlements() == null) {
            return Entitlements.NONE;
        }
        if (!Files.isRegularFile(cfg.entitlements())) {
            throw new IllegalArgumentException("entitlements " + cfg.entitlements() + ": no such file");
        }
        return Entitlements.read(cfg.entitlements());
    }

    /** A template name, a path, or a path relative to the config file. */
    private static ReportTemplate resolveTemplate(String t, Path config) {
        if (TemplateLoader.BUILT_IN.contains(t) || Files.isRegularFile(Path.of(t))) {
            return TemplateLoader.load(t);
        }
        Path relative = config.toAbsolutePath().getParent().resolve(t);
        return TemplateLoader.load(Files.isRegularFile(relative) ? relative.toString() : t);
    }

    private void harvest(ExportConfig cfg, Path dir, ProgressLine progress, ExportLog log, PrintWriter err)
            throws Exception {
        ApiToken token;
        if (cfg.tokenFile() != null) {
            try {
                token = TokenFile.read(cfg.tokenFile(), strictPermissions, spec.commandLine().getErr());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        } else {
            String env = System.getenv("WALDUR_TOKEN");
            if (env == null || env.isBlank()) {
                throw new IllegalArgumentException("no API token: set token_file in the config or WALDUR_TOKEN");
            }
            token = ApiToken.of(env);
        }
        WaldurClientConfig client = WaldurClientConfig.builder(cfg.url(), token).allowInsecureHttp(cfg.allowInsecureHttp())
                .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).build();
        Harvester harvester = new Harvester(new WaldurClient(client), ToolVersion.get(), top.clock());
        if (cfg.incremental() && Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
            try {
                Snapshot.open(dir, Snapshot.Verification.REMEMBERED);
                // the previous run's snapshot in the same folder is the base (docs/harvest.md, "From tally export")
                harvester.harvestSince(dir, dir, IncrementalOptions.DEFAULTS, EnumSet.allOf(WaldurCollection.class),
                        progress);
                return;
            } catch (SnapshotException e) {
                err.println(log.line("cannot refresh " + dir + " (" + e.getMessage() + "); harvesting it whole"));
            }
        }
        harvester.harvest(dir, EnumSet.allOf(WaldurCollection.class), progress);
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary harvest left in the temp folder is harmless
        }
    }
}
