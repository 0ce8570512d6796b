package dev.tally.cli.command;

import dev.tally.cli.option.ConnectionOptions;
import dev.tally.waldur.DryRunRequest;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.model.DryRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tally dry-run OFFERING}: runs a Marketplace.Script offering's script without ordering anything. */
@Command(name = "dry-run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Dry-run the provisioning script of a Marketplace.Script offering and print its output.",
            "Nothing is ordered; other offering types answer 404."},
        footer = {"", "Example:", "  tally dry-run 0e5c… --type Create --attribute name=probe --url URL"})
public final class DryRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    Output output;

    @Parameters(paramLabel = "OFFERING", description = "Offering UUID (a Marketplace.Script offering).")
    String offering;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "Create",
            description = "Create, Update, Terminate, Restore or Pull. Default: ${DEFAULT-VALUE}.")
    String type;

    @Option(names = "--plan", paramLabel = "UUID", description = "Plan to pass to the script.")
    String plan;

    @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "Order attribute to pass to the script (repeatable).")
    List<String> attributes;

    @Option(names = "--async", description = "Use async_run and poll for the result instead of run.")
    boolean async;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --async: give up after this many seconds. Default: ${DEFAULT-VALUE}.")
    int timeout;

    @Override
    public Integer call() {
        String offeringUuid = Uuid.check(spec.commandLine(), offering);
        String planUuid = plan == null ? null : Uuid.check(spec.commandLine(), plan);
        if (!DryRunRequest.TYPES.contains(type)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--type " + type + " is not one of Create, Update, Terminate, Restore, Pull");
        }
        WaldurClient client = connection.client();
        Map<String, Object> attrs = KeyValues.values(spec.commandLine(), "--attribute", attributes, Map.of());
        DryRunRequest request = new DryRunRequest(type, planUuid, attrs);
        PrintWriter out = spec.commandLine().getOut();
        if (!async) {
            String result = client.dryRun(offeringUuid, request);
            if (output.json()) {
                Output.printJson(out, client.mapper(), Map.of("output", result));
            } else {
                out.println(result);
            }
            return 0;
        }
        DryRun run = client.awaitDryRun(client.startDryRun(offeringUuid, request), Duration.ofSeconds(timeout));
        if (output.json()) {
            Output.printJson(out, client.mapper(), run);
        } else {
            out.println(run.output());
        }
        if (run.state() == DryRun.ERRED) {
            spec.commandLine().getErr().println("tally: dry run " + run.uuid() + " erred");
            return 1;
        }
        return 0;
    }
}
