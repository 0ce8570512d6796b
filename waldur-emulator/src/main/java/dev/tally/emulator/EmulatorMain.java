package dev.tally.emulator;

import dev.tally.emulator.store.Quirk;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar waldur-emulator-*-standalone.jar --port 8080 --scale 1 --seed 42
 * [--faults 429:0.05] [--ties shuffle] [--retry-after none|SECONDS] [--staff-token HEX] [--order-delay-ms N]
 * [--quirks soft-deleted-projects,archived-offering,second-plan,mispriced-invoice-item,projects-without-modified]}. Prints the URL and tokens, runs until Ctrl-C.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        EmulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("waldur-emulator: " + e.getMessage());
            System.err.println("usage: --port N --scale N --seed N [--faults SPEC] [--ties shuffle|stable] "
                    + "[--retry-after none|SECONDS] [--staff-token HEX40] [--order-delay-ms N] "
                    + "[--quirks soft-deleted-projects,archived-offering,second-plan,mispriced-invoice-item,projects-without-modified]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        Emulator emulator = Emulator.start(config);
        describe(emulator, Duration.ofNanos(System.nanoTime() - started), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    static EmulatorConfig parse(String... args) {
        EmulatorConfig config = EmulatorConfig.defaults().withPort(8080);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            try {
                config = switch (option) {
                    case "--port" -> config.withPort(Integer.parseInt(value));
                    case "--scale" -> config.withScale(Integer.parseInt(value));
                    case "--seed" -> config.withSeed(Long.parseLong(value));
                    case "--faults" -> config.withFaults(config.faults().isEmpty() ? value : config.faults() + "," + value);
                    // Shorthands for two fault-spec settings; they may come before or after --faults.
                    case "--ties" -> config.withFault("ties", value);
                    case "--retry-after" -> config.withFault("retry-after", value);
                    case "--staff-token" -> config.withStaffToken(value);
                    case "--quirks" -> withQuirks(config, value);
                    case "--order-delay-ms" -> config.withOrderProcessingDelay(Duration.ofMillis(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " needs a number, got " + value);
            }
        }
        dev.tally.emulator.fault.FaultPlan.parse(config.faults(), config.seed());
        return config;
    }

    private static EmulatorConfig withQuirks(EmulatorConfig config, String keys) {
        for (Quirk q : Quirk.parse(keys)) {
            config = config.withQuirk(q);
        }
        return config;
    }

    static void describe(Emulator emulator, Duration startup, PrintStream out) {
        out.println("Waldur emulator listening on " + emulator.baseUrl() + "api/ (started in "
                + startup.toMillis() + " ms)");
        out.println("staff token:    " + emulator.staffToken());
        out.println("provider token: " + emulator.providerToken() + "  (Large Unified Modern Infrastructure)");
        for (Map.Entry<String, String> entry : emulator.allocatorTokens().entrySet()) {
            out.println("allocator token: " + entry.getValue() + "  (" + entry.getKey() + ")");
        }
        out.println("Press Ctrl-C to stop.");
    }
}
