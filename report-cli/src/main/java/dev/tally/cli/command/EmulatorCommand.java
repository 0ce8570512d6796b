package dev.tally.cli.command;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tally emulator}: runs the local Waldur emulator until Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a local Waldur-compatible API with a generated LUMI dataset.",
        description = {
            "Run a local Waldur-compatible API on 127.0.0.1 with a generated LUMI dataset, for trying",
            "Tally without credentials. Prints the URL and the tokens it accepts; stops on Ctrl-C."},
        footer = {"", "Example:", "  tally emulator --port 8080 --scale 1 --faults 429:0.05,5xx:0.03"})
public final class EmulatorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "N", description = "Dataset size; 1 is about LUMI today. Default: ${DEFAULT-VALUE}.")
    int scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Dataset seed; the same seed gives the same data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--faults", paramLabel = "SPEC", defaultValue = "",
            description = "Injected faults with rates, e.g. 429:0.05,5xx:0.03,reset:0.02,slow:0.05,truncate:0.01; "
                    + "list pages also count:P, loop:P, endless:P, repeat:P (docs/emulator.md, \"Faults\"). Default: none.")
    String faults;

    @Option(names = "--staff-token", paramLabel = "T", description = "Staff token to accept instead of the built-in one.")
    String staffToken;

    @Override
    public Integer call() throws Exception {
        if (scale < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--scale must be at least 1, got " + scale);
        }
        EmulatorConfig config;
        try {
            config = EmulatorConfig.defaults().withPort(port).withScale(scale).withSeed(seed).withFaults(faults);
            if (staffToken != null) {
                config = config.withStaffToken(staffToken);
            }
            // the fault spec is parsed when the server starts; a bad one is the user's, so it is checked here first
            dev.tally.emulator.fault.FaultPlan.parse(config.faults(), config.seed());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Emulator emulator = Emulator.start(config)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Waldur emulator listening on " + emulator.baseUrl() + "api/");
            out.println("staff token: " + emulator.staffToken());
            emulator.allocatorTokens().forEach((customer, token) -> out.println("allocator token (" + customer + "): " + token));
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
