package dev.tally.cli.command;

import dev.tally.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One black-box run of {@code tally}: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
