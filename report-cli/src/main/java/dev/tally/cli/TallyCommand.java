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
import java.util.Objects;
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
        subcommands = {DemoCommand.class, HarvestCommand.class, ReportCommand.class, QueryCommand.class, ServeCommand.class, ExportCommand.class,
            DiffCommand.class,
            LedgerCommand.class,
            ReconcileCommand.class,
            OfferingsCommand.class, OrdersCommand.class, ResourcesCommand.class, DryRunCommand.class,
            EmulatorCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:Failure (the message says what failed and what to try).",
            "2:Invalid usage (unknown option, bad value, invalid template or query).",
            "3:Partial: tally export --strict wrote the reports, but the data has data-quality errors.",
            "4:tally export: another export holds the lock; nothing was done."})
public final class TallyCommand {
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
        CommandLine cmd = new CommandLine(new TallyCommand(clock, files, inputs));
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
            String message = InertText.escape(ex.getMessage());
            w.println(isExport(failed) ? new ExportLog(clock).line(message) : message);
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.subcommands().stream()
                    .anyMatch(p -> p.hasMatchedOption("--verbose"));
            // an export's log has one format, failures included: the run's UTC time first (docs/export.md)
            commandLine.getErr().println(isExport(commandLine) ? new ExportLog(clock).line(describe(ex)) : "tally: " + describe(ex));
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
