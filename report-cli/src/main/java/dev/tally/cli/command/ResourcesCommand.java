package dev.tally.cli.command;

import dev.tally.cli.option.ConnectionOptions;
import dev.tally.waldur.OrderWait;
import dev.tally.waldur.Query;
import dev.tally.waldur.Received;
import dev.tally.waldur.WaitTimeoutException;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.OptionsUpdate;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceUpdate;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tally resources list|show|rename|set-options|terminate}: marketplace resources (for LUMI, allocations). */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Inspect and manage marketplace resources (for LUMI, allocations): rename, set LUMI options, terminate.",
        subcommands = CommandLine.HelpCommand.class)
public final class ResourcesCommand {
    private static final List<String> FIELDS = List.of("uuid", "name", "description", "state", "offering_name", "plan_name",
            "project_name", "customer_name", "limits", "current_usages", "options", "backend_id", "end_date", "created");

    @Spec
    CommandSpec spec;

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one resource.")
    int show(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "RESOURCE", description = "Resource UUID.") String uuid) {
        WaldurClient client = connection.client();
        Received<Resource> r = client.getReceived(WaldurCollection.RESOURCES.path(), Uuid.check(spec.subcommands().get("show"), uuid),
                Resource.class);
        output.printObject(spec.commandLine().getOut(), r, FIELDS);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = "List resources, oldest first.")
    int list(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Option(names = "--project", paramLabel = "UUID", description = "Resources of this project.") String project,
            @Option(names = "--offering", paramLabel = "UUID", description = "Resources of this offering.") String offering,
            @Option(names = "--state", paramLabel = "STATE", split = ",",
                    description = "Creating, OK, Erred, Updating, Terminating or Terminated; several mean any.") List<String> states) {
        CommandLine cmd = spec.subcommands().get("list");
        Query q = Query.NONE
                .and("project_uuid", project == null ? null : Uuid.check(cmd, project))
                .and("offering_uuid", offering == null ? null : Uuid.check(cmd, offering))
                .andAll("state", states == null ? List.of() : states);
        WaldurClient client = connection.client();
        Received<List<Resource>> resources = client.listReceived(WaldurCollection.RESOURCES.path(), q, Resource.class);
        output.printList(spec.commandLine().getOut(), resources, List.of("UUID", "NAME", "STATE", "OFFERING", "PROJECT", "LIMITS"),
                r -> Output.row(r.uuid(), r.name(), Output.wire(r.state()), r.offeringName(), r.projectName(),
                        Output.json(client.mapper(), r.limits())));
        return 0;
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a resource and optionally change its description.")
    int rename(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "RESOURCE", description = "Resource UUID.") String uuid,
            @Option(names = "--name", required = true, paramLabel = "NAME", description = "New name.") String name,
            @Option(names = "--description", paramLabel = "TEXT", description = "New description.") String description) {
        CommandLine cmd = spec.subcommands().get("rename");
        String resource = Uuid.check(cmd, uuid);
        if (name.isBlank()) {
            throw new ParameterException(cmd, "--name must not be blank");
        }
        WaldurClient client = connection.client();
        ResourceUpdate result = client.updateResource(resource, ResourceUpdate.rename(name, description));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(out, client.mapper(), result);
        } else {
            Output.printFields(out, Received.serialised(result, client.mapper()), List.of("name", "description", "end_date"));
        }
        return 0;
    }

    @Command(name = "set-options", mixinStandardHelpOptions = true,
            description = {"Set LUMI options of a resource; Waldur merges them into the current ones.",
                "Example: tally resources set-options R --option is_training=false --option used_ai_tech='Deep Learning'"})
    int setOptions(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "RESOURCE", description = "Resource UUID.") String uuid,
            @Option(names = "--option", required = true, paramLabel = "KEY=VALUE",
                    description = "is_industry, is_training, is_commercial (true/false) or used_ai_tech (repeat for several).")
            List<String> options) {
        CommandLine cmd = spec.subcommands().get("set-options");
        String resource = Uuid.check(cmd, uuid);
        WaldurClient client = connection.client();
        Resource r = client.resource(resource);
        Map<String, Object> values = KeyValues.values(cmd, "--option", options, client.offering(r.offeringUuid()).optionFields());
        OptionsUpdate result = client.updateOptions(resource, values);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(out, client.mapper(), result);
        } else {
            out.println(result.orderUuid() != null ? "order " + result.orderUuid() + " created for the change" : result.status());
        }
        return 0;
    }

    @Command(name = "terminate", mixinStandardHelpOptions = true,
            description = "Ask Waldur to terminate a resource; prints the UUID of the Terminate order it creates.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Terminate order created (with --wait: done).", "1:Failure.", "2:Invalid usage.",
                "3:With --wait: rejected, erred or canceled.", "4:With --wait: still not finished at the timeout."})
    int terminate(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "RESOURCE", description = "Resource UUID.") String uuid,
            @Option(names = "--wait", description = "Wait until the Terminate order is done, rejected, erred or canceled.") boolean wait,
            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                    description = "With --wait: give up after this many seconds. Default: ${DEFAULT-VALUE}.") int timeout) {
        String resource = Uuid.check(spec.subcommands().get("terminate"), uuid);
        WaldurClient client = connection.client();
        String orderUuid = client.terminateResource(resource, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        Order order = client.order(orderUuid);
        int code = 0;
        if (wait) {
            try {
                order = client.awaitOrder(orderUuid, OrderWait.TERMINAL, Duration.ofSeconds(timeout));
                code = order.state() == OrderState.DONE ? 0 : OrdersCommand.EXIT_ORDER_FAILED;
            } catch (WaitTimeoutException e) {
                spec.commandLine().getErr().println("tally: order " + orderUuid + ": " + e.detail());
                return OrdersCommand.EXIT_TIMEOUT;
            }
        }
        if (output.json()) {
            Output.printJson(out, client.mapper(), order);
        } else {
            out.println("order_uuid: " + orderUuid);
            out.println("state:      " + order.state().wire());
        }
        return code;
    }
}
