package dev.tally.cli.command;

import dev.tally.cli.Main;
import dev.tally.cli.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/** One black-box run of {@code tally}: exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {
    /** A run on the tests' fixed clock. */
    public static CliRun of(String... args) {
        return on(TestClock.FIXED, args);
    }

    /** A run on {@code clock}, as if the command ran at that moment. */
    static CliRun on(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(clock, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
