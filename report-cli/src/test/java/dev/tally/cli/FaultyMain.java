package dev.tally.cli;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.FaultPlan;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code tally} in a child JVM whose disk fails as the first argument says ({@code halt:5},
 * {@code enospc:4}, see {@link FaultPlan}); the other arguments are the command line.
 */
public final class FaultyMain {
    private FaultyMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        AtomicFiles files = new AtomicFiles(FaultPlan.parse(args[0]));
        System.exit(Main.run(TestClock.FIXED, files, out, err, Arrays.copyOfRange(args, 1, args.length)));
    }
}
