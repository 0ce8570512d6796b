package dev.tally.cli;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.report.ReportInput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/** Entry point of the {@code tally} jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        // The composition root: the only place that reads the wall clock. Everything below gets this
        // Clock, so a test (or a rerun) can fix the date (docs/architecture.md, "Time").
        System.exit(run(Clock.systemUTC(), out, err, args));
    }

    /** Runs one command line on {@code clock} and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(Clock clock, PrintWriter out, PrintWriter err, String... args) {
        return run(clock, AtomicFiles.DIRECT, out, err, args);
    }

    /**
     * Runs one command line on {@code clock}, putting every file it writes in place through
     * {@code files}; a test passes one whose disk fails part-way, to see what a full disk leaves.
     */
    public static int run(Clock clock, AtomicFiles files, PrintWriter out, PrintWriter err, String... args) {
        return run(clock, files, null, out, err, args);
    }

    /**
     * Runs one command line whose snapshot reads go through {@code inputs}: {@code tally serve} runs
     * {@code tally query} this way on the snapshot it loaded once, so a page's answer is the command's own
     * (null: each command opens and reads its snapshots).
     */
    public static int run(Clock clock, AtomicFiles files, Function<Path, ReportInput> inputs, PrintWriter out, PrintWriter err,
            String... args) {
        try {
            return TallyCommand.commandLine(clock, files, inputs, out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            // Picocli's handler sees exceptions only; an unattended run still deserves one clear line.
            err.println("tally: out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB); give Java more with TALLY_JAVA_OPTS=-Xmx4g ./tally ...");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
