package dev.tally.cli;

import dev.tally.cli.cache.SnapshotCache;
import dev.tally.cli.command.CompletionCommand;
import dev.tally.cli.command.DemoCommand;
import dev.tally.cli.command.DiffCommand;
import dev.tally.cli.command.EmulatorCommand;
import dev.tally.cli.command.DryRunCommand;
import dev.tally.cli.command.ExportCommand;
import dev.tally.cli.command.HarvestCommand;
import dev.tally.cli.command.LedgerCommand;
import dev.tally.cli.command.OfferingsCommand;
import dev.tally.cli.command.OrdersCommand;
import dev.tally.cli.command.QueryCommand;
import dev.tally.cli.command.ReconcileCommand;
import dev.tally.cli.command.ReportCommand;
import dev.tally.cli.command.ResourcesCommand;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.InertText;
import dev.tally.cli.render.UnsafePathException;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.serve.ServeCommand;
import dev.tally.cli.report.publish.ExportLog;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.snapshot.SnapshotTargetException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top command: global options, subcommands, and the one-line error handler. */
@Command(name = "tally",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = {
            "Allocation accounting for the Waldur/Puhuri marketplace (LUMI).",
            "Harvest offerings, orders, resources and usages over the Waldur API into a snapshot,",
            "then report cost, limits and usage per project, country share and LUMI option.",
            "",
            "Start with @|bold tally demo|@: it runs a local Waldur emulator and writes a sample monthly report."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:Failure (the message says what failed and what to try).",
            "2:Invalid usage (unknown option, bad value, invalid template or query).",
            "3:Partial: tally export --strict wrote the reports, but the data has data-quality errors.",
            "4:tally export: another export holds the lock; nothing was done."})
public final class TallyCommand {
    /**
     * The subcommands, in the order {@code tally --help} lists them. They are added when the command line is built,
     * not named in the annotation, so that a run builds the picocli model of the one it runs only (see
     * {@link #subcommands}).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, HarvestCommand.class,
            ReportCommand.class, QueryCommand.class, ServeCommand.class, ExportCommand.class, DiffCommand.class,
            LedgerCommand.class, ReconcileCommand.class, OfferingsCommand.class, OrdersCommand.class,
            ResourcesCommand.class, DryRunCommand.class, EmulatorCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The subcommands by their picocli names, written out so that finding the one to build reads no annotation (picocli
     * reads the one it builds); {@code SubcommandsTest} checks that they are the annotations' names.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMAND_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("demo", DemoCommand.class), java.util.Map.entry("harvest", HarvestCommand.class),
            java.util.Map.entry("report", ReportCommand.class), java.util.Map.entry("query", QueryCommand.class),
            java.util.Map.entry("serve", ServeCommand.class), java.util.Map.entry("export", ExportCommand.class),
            java.util.Map.entry("diff", DiffCommand.class), java.util.Map.entry("ledger", LedgerCommand.class),
            java.util.Map.entry("reconcile", ReconcileCommand.class), java.util.Map.entry("offerings", OfferingsCommand.class),
            java.util.Map.entry("orders", OrdersCommand.class), java.util.Map.entry("resources", ResourcesCommand.class),
            java.util.Map.entry("dry-run", DryRunCommand.class), java.util.Map.entry("emulator", EmulatorCommand.class),
            java.util.Map.entry("completion", CompletionCommand.class), java.util.Map.entry("help", CommandLine.HelpCommand.class));

    /** Subcommands that read the whole command tree, so every other one must be there. */
    private static final Set<Class<?>> NEED_ALL = Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and extra detail on errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print only errors; no progress or summaries.")
    boolean quiet;

    private final Clock clock;
    private final AtomicFiles files;
    private final Function<Path, ReportInput> inputs;

    private TallyCommand(Clock clock, AtomicFiles files, Function<Path, ReportInput> inputs) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.files = Objects.requireNonNull(files, "files");
        this.inputs = inputs;
    }

    /**
     * The clock of this run, given by the composition root ({@link Main#main} passes the system clock,
     * tests a fixed one). Only harvests read it, to stamp a snapshot; a report never does, so a report
     * depends only on its snapshot and options (docs/architecture.md, "Time").
     */
    public Clock clock() {
        return clock;
    }

    /** How this run puts the files it writes in place (given by the composition root, like the clock). */
    public AtomicFiles files() {
        return files;
    }

    /**
     * The report input of the snapshot in {@code dir}: normally opened and verified now, read through
     * {@code cache} ({@link ReportInput#load}); {@code tally serve} answers each request with the one it loaded at start.
     */
    public ReportInput input(Path dir, SnapshotCache cache) {
        return inputs == null ? ReportInput.load(dir, cache) : inputs.apply(dir);
    }

    /** Whether --quiet was given (on this command or any subcommand). */
    public boolean quiet() {
        return quiet;
    }

    /** Whether --verbose was given. */
    public boolean verbose() {
        return verbose;
    }

    /**
     * A command line on {@code clock} writing files through {@code files}, wired to the given writers,
     * with the one-line error handler installed.
     */
    static CommandLine commandLine(Clock clock, AtomicFiles files, PrintWriter out, PrintWriter err) {
        return commandLine(clock, files, null, out, err);
    }

    /** The same, reading snapshots through {@code inputs} ({@link #input}); null: open and read each one. */
    static CommandLine commandLine(Clock clock, AtomicFiles files, Function<Path, ReportInput> inputs, PrintWriter out,
            PrintWriter err) {
        return commandLine(clock, files, inputs, out, err, SUBCOMMANDS);
    }

    /**
     * The same, for running {@code args}: with only the subcommand they name when they name one. Picocli builds the
     * model of every subcommand it is given (reflection over each one's options and mixins): about 0.4 s of CPU, a
     * sixth of a small query's (BENCHMARKS.md, "Start-up"); the others cannot be reached from these arguments anyway.
     */
    static CommandLine commandLine(Clock clock, AtomicFiles files, Function<Path, ReportInput> inputs, PrintWriter out,
            PrintWriter err, String... args) {
        return commandLine(clock, files, inputs, out, err, subcommands(args));
    }

    /**
     * The subcommand {@code args} run: the first argument that is not an option names it, since the top command's
     * options ({@code -q}, {@code -v}, {@code -h}, {@code -V}) take no values. All of them when that is no
     * subcommand (a typo gets picocli's suggestions), none is given ({@code tally --help} lists them all), or it is
     * one that reads the whole tree ({@code help}, {@code completion}).
     */
    static List<Class<?>> subcommands(String... args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.startsWith("-")) {
                // -V or --version alone prints the version and reads no subcommand; a cluster such as -qV may hide -h
                version |= arg.equals("-V") || arg.equals("--version");
                if (arg.equals("-h") || arg.equals("--help") || !arg.startsWith("--") && arg.length() > 2) {
                    version = false;
                    break;
                }
                continue;
            }
            Class<?> named = SUBCOMMAND_NAMES.get(arg);
            return named == null || NEED_ALL.contains(named) ? SUBCOMMANDS : List.of(named);
        }
        return version ? List.of() : SUBCOMMANDS;
    }

    private static CommandLine commandLine(Clock clock, AtomicFiles files, Function<Path, ReportInput> inputs,
            PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cmd = new CommandLine(new TallyCommand(clock, files, inputs));
        // added before the settings below, which picocli passes on only to the subcommands already there
        subcommands.forEach(cmd::addSubcommand);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are written as lines of up to ~115 characters; at picocli's default 80 columns they
        // would be re-wrapped mid-sentence.
        cmd.setUsageHelpWidth(120);
        // Dates in words, not java.time's parser messages: "'2026-13' is not a month (YYYY-MM, e.g. 2026-10)".
        cmd.registerConverter(java.time.YearMonth.class, v -> parsed(v, java.time.YearMonth::parse, "a month", "YYYY-MM, e.g. 2026-10"));
        cmd.registerConverter(java.time.LocalDate.class, v -> parsed(v, java.time.LocalDate::parse, "a date", "YYYY-MM-DD, e.g. 2026-10-31"));
        // A usage error is one line and a pointer to the help, not the whole help after the message.
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            PrintWriter w = failed.getErr();
            for (String line : lines(ex, ex.getMessage())) {
                String message = InertText.escape(line);
                w.println(isExport(failed) ? new ExportLog(clock).line(message) : message);
            }
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.subcommands().stream()
                    .anyMatch(p -> p.hasMatchedOption("--verbose"));
            // an export's log has one format, failures included: the run's UTC time first (docs/export.md)
            for (String line : lines(ex, describe(ex))) {
                commandLine.getErr().println(isExport(commandLine) ? new ExportLog(clock).line(line) : "tally: " + line);
            }
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            // A refused output location is the user's choice of path, not a failure of the run; a template or
            // config error is the user's wherever it is found (docs/reliability.md, "Templates and configs").
            boolean usage = ex instanceof SnapshotTargetException || ex instanceof UnsafePathException
                    || ex instanceof dev.tally.cli.template.TemplateException;
            return usage ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
        });
        return cmd;
    }

    /**
     * The lines of an error: a template or config file's problems are listed one line each (docs/reliability.md,
     * "Templates and configs"), each made inert; any other error is its one {@code line}.
     */
    private static List<String> lines(Throwable ex, String line) {
        Throwable t = ex;
        while (t != null && !(t instanceof dev.tally.cli.template.TemplateException)) {
            t = t.getCause();
        }
        if (t instanceof dev.tally.cli.template.TemplateException te && te.lines().size() > 1) {
            return te.lines().stream().map(l -> InertText.escape(ErrorText.of(new dev.tally.cli.template.TemplateException(l)))).toList();
        }
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof dev.tally.cli.reconcile.SiteFileException site && site.lines().size() > 1) {
                return site.lines().stream().map(InertText::escape).toList();
            }
        }
        return List.of(line);
    }

    private static boolean isExport(CommandLine c) {
        return "export".equals(c.getCommandName());
    }

    /** {@code value} parsed by {@code parse}, or picocli's conversion error saying what was expected. */
    private static <T> T parsed(String value, java.util.function.Function<String, T> parse, String what, String form) {
        try {
            return parse.apply(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + InertText.escape(value) + "' is not " + what + " (" + form + ")");
        }
    }

    /**
     * One line naming the cause, without stack noise or Java class names, and inert: control and bidi
     * characters (from a server's error body, say) are escaped by {@link InertText}. See {@link ErrorText}.
     */
    static String describe(Throwable ex) {
        return InertText.escape(ErrorText.of(ex));
    }
}
