package dev.tally.cli.command;

import dev.tally.cli.option.ConnectionOptions;
import dev.tally.waldur.OrderRequest;
import dev.tally.waldur.OrderWait;
import dev.tally.waldur.Query;
import dev.tally.waldur.Received;
import dev.tally.waldur.Reviewer;
import dev.tally.waldur.WaitTimeoutException;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
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

/** {@code tally orders create|show|list|approve|reject}: marketplace orders, the way allocations are made and ended. */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Create, inspect, approve and reject marketplace orders (allocations are created through orders).",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success (with --wait: the order is done).",
            "1:Failure (the message says what failed).",
            "2:Invalid usage.",
            "3:With --wait: the order ended rejected, erred or canceled.",
            "4:With --wait: the order was still pending or executing at the timeout."})
public final class OrdersCommand {
    /** With --wait: the order ended in a state other than done. */
    public static final int EXIT_ORDER_FAILED = 3;
    /** With --wait: the deadline passed. */
    public static final int EXIT_TIMEOUT = 4;

    private static final List<String> FIELDS = List.of("uuid", "type", "state", "cost", "limits", "attributes", "offering_name",
            "plan_name", "project_name", "project_uuid", "marketplace_resource_uuid", "created", "completed_at", "error_message");

    @Spec
    CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Order a new allocation: a Create order for a project on an offering and plan, with limits and options.",
                "Example: tally orders create --project P --offering O --plan PL --limit cpu_k_hours=3 --limit gpu_k_hours=2 "
                        + "--option is_industry=true --option used_ai_tech='Deep Learning' --wait"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:Created (with --wait: done).", "1:Failure.", "2:Invalid usage.",
                "3:With --wait: rejected, erred or canceled.", "4:With --wait: still not finished at the timeout."})
    int create(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Option(names = "--project", required = true, paramLabel = "UUID", description = "Project to allocate for.") String project,
            @Option(names = "--offering", required = true, paramLabel = "UUID", description = "Public offering (for LUMI, a country share).")
            String offering,
            @Option(names = "--plan", paramLabel = "UUID", description = "Plan of the offering. Default: the offering's only plan.")
            String plan,
            @Option(names = "--limit", paramLabel = "TYPE=N", description = "Limit per component, e.g. cpu_k_hours=3 (repeatable).")
            List<String> limits,
            @Option(names = "--option", paramLabel = "KEY=VALUE",
                    description = "LUMI option (is_industry, is_training, is_commercial, used_ai_tech); repeat used_ai_tech for several.")
            List<String> options,
            @Option(names = "--attribute", paramLabel = "KEY=VALUE", description = "Any other order attribute (repeatable).")
            List<String> attributes,
            @Option(names = "--name", paramLabel = "NAME", description = "Name of the new resource (attribute `name`).") String name,
            @Option(names = "--wait", description = "Wait until the order is done, rejected, erred or canceled.") boolean wait,
            @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                    description = "With --wait: give up after this many seconds. Default: ${DEFAULT-VALUE}.") int timeout) {
        CommandLine cmd = spec.subcommands().get("create");
        String projectUuid = Uuid.check(cmd, project);
        String offeringUuid = Uuid.check(cmd, offering);
        Map<String, BigInteger> limitMap = KeyValues.limits(cmd, limits);
        WaldurClient client = connection.client();
        Offering o = client.offering(offeringUuid);
        String planUuid = plan != null ? Uuid.check(cmd, plan) : onlyPlan(cmd, o);
        Map<String, Object> attrs = new LinkedHashMap<>(KeyValues.values(cmd, "--attribute", attributes, Map.of()));
        attrs.putAll(KeyValues.values(cmd, "--option", options, o.optionFields()));
        if (name != null) {
            attrs.put("name", name);
        }
        Order order = client.createOrder(new OrderRequest(projectUuid, offeringUuid, planUuid, limitMap, attrs));
        return finish(client, order, wait, timeout, output);
    }

    private static String onlyPlan(CommandLine cmd, Offering o) {
        if (o.plans().size() != 1) {
            throw new ParameterException(cmd, "offering " + o.name() + " has " + o.plans().size() + " plans; choose one with --plan");
        }
        return o.plans().get(0).uuid();
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one order.")
    int show(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "ORDER", description = "Order UUID.") String uuid) {
        WaldurClient client = connection.client();
        print(client.getReceived(WaldurCollection.ORDERS.path(), Uuid.check(spec.subcommands().get("show"), uuid), Order.class),
                output);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, description = "List orders, oldest first.")
    int list(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Option(names = "--project", paramLabel = "UUID", description = "Orders of this project.") String project,
            @Option(names = "--offering", paramLabel = "UUID", description = "Orders for this offering.") String offering,
            @Option(names = "--resource", paramLabel = "UUID", description = "Orders of this resource.") String resource,
            @Option(names = "--state", paramLabel = "STATE", split = ",",
                    description = "pending-consumer, pending-provider, executing, done, erred, canceled, rejected; several mean any.")
            List<String> states,
            @Option(names = "--type", paramLabel = "TYPE", split = ",", description = "Create, Update or Terminate; several mean any.")
            List<String> types) {
        CommandLine cmd = spec.subcommands().get("list");
        Query q = Query.NONE
                .and("project_uuid", project == null ? null : Uuid.check(cmd, project))
                .and("offering_uuid", offering == null ? null : Uuid.check(cmd, offering))
                .and("resource_uuid", resource == null ? null : Uuid.check(cmd, resource))
                .andAll("state", states == null ? List.of() : states)
                .andAll("type", types == null ? List.of() : types);
        WaldurClient client = connection.client();
        Received<List<Order>> orders = client.listReceived(WaldurCollection.ORDERS.path(), q, Order.class);
        output.printList(spec.commandLine().getOut(), orders, List.of("UUID", "TYPE", "STATE", "COST", "OFFERING", "PROJECT", "CREATED"),
                o -> Output.row(o.uuid(), Output.wire(o.type()), Output.wire(o.state()), Output.decimal(o.cost()), o.offeringName(),
                        o.projectName(), Output.time(o.created())));
        return 0;
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve an order as its consumer (pending-consumer) or provider (pending-provider).")
    int approve(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "ORDER", description = "Order UUID.") String uuid,
            @Option(names = "--as", required = true, paramLabel = "ROLE", description = "consumer or provider.") Reviewer reviewer) {
        WaldurClient client = connection.client();
        Order order = client.approveOrder(Uuid.check(spec.subcommands().get("approve"), uuid), reviewer);
        print(Received.serialised(order, client.mapper()), output);
        return 0;
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Reject an order as its consumer (pending-consumer) or provider (pending-provider).")
    int reject(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "ORDER", description = "Order UUID.") String uuid,
            @Option(names = "--as", required = true, paramLabel = "ROLE", description = "consumer or provider.") Reviewer reviewer,
            @Option(names = "--comment", paramLabel = "TEXT", description = "Why; stored as the rejection comment.") String comment) {
        WaldurClient client = connection.client();
        Order order = client.rejectOrder(Uuid.check(spec.subcommands().get("reject"), uuid), reviewer, comment);
        print(Received.serialised(order, client.mapper()), output);
        return 0;
    }

    /** Prints an order and, with --wait, waits for its end and maps it to the exit code. */
    int finish(WaldurClient client, Order order, boolean wait, int timeout, Output output) {
        Order result = order;
        int code = 0;
        if (wait) {
            try {
                result = client.awaitOrder(order.uuid(), OrderWait.TERMINAL, Duration.ofSeconds(timeout));
                code = result.state() == OrderState.DONE ? 0 : EXIT_ORDER_FAILED;
            } catch (WaitTimeoutException e) {
                spec.commandLine().getErr().println("tally: order " + order.uuid() + ": " + e.detail());
                return EXIT_TIMEOUT;
            }
        }
        print(Received.serialised(result, client.mapper()), output);
        if (code != 0) {
            spec.commandLine().getErr().println("tally: order " + result.uuid() + " ended " + result.state().wire()
                    + (result.errorMessage() == null || result.errorMessage().isBlank() ? "" : ": " + result.errorMessage()));
        }
        return code;
    }

    private void print(Received<Order> order, Output output) {
        output.printObject(spec.commandLine().getOut(), order, FIELDS);
    }
}
