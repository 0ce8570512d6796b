package dev.tally.cli.command;

import dev.tally.cli.option.ConnectionOptions;
import dev.tally.waldur.OfferingFilter;
import dev.tally.waldur.Received;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Plan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tally offerings list|show|plans}: the public marketplace offerings (for LUMI, the country shares). */
@Command(name = "offerings", mixinStandardHelpOptions = true,
        description = "List and inspect public offerings (for LUMI, the country shares) and their plans.",
        subcommands = CommandLine.HelpCommand.class)
public final class OfferingsCommand {
    @Spec
    CommandSpec spec;

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List public offerings, filtered as the Waldur API allows (all filters optional).",
                "Example: tally offerings list --state Active --shared true --url URL"})
    int list(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Option(names = "--name", paramLabel = "TEXT", description = "Name contains TEXT (case-insensitive).") String name,
            @Option(names = "--name-exact", paramLabel = "NAME", description = "Name is exactly NAME.") String nameExact,
            @Option(names = "--customer", paramLabel = "URL", description = "Owning organisation's URL.") String customer,
            @Option(names = "--customer-uuid", paramLabel = "UUID", description = "Owning organisation's UUID.") String customerUuid,
            @Option(names = "--allowed-customer-uuid", paramLabel = "UUID",
                    description = "Only offerings this organisation may order.") String allowedCustomerUuid,
            @Option(names = "--service-manager-uuid", paramLabel = "UUID",
                    description = "Only offerings this user manages.") String serviceManagerUuid,
            @Option(names = "--attribute", paramLabel = "KEY=VALUE",
                    description = "Offering attribute to match (repeatable); a JSON list value matches any of its items.")
            List<String> attributes,
            @Option(names = "--state", paramLabel = "STATE", split = ",",
                    description = "Active, Draft, Paused, Archived or Unavailable; several mean any of them.") List<String> states,
            @Option(names = "--category-uuid", paramLabel = "UUID", description = "Category UUID.") String categoryUuid,
            @Option(names = "--billable", paramLabel = "true|false", arity = "1", description = "Billable offerings only (or not).")
            Boolean billable,
            @Option(names = "--shared", paramLabel = "true|false", arity = "1", description = "Public offerings only (or not).")
            Boolean shared,
            @Option(names = "--type", paramLabel = "TYPE", split = ",",
                    description = "Offering type, e.g. Marketplace.Basic; several mean any of them.") List<String> types) {
        WaldurClient client = connection.client();
        OfferingFilter.Builder f = OfferingFilter.builder().name(name).nameExact(nameExact).customer(customer)
                .customerUuid(customerUuid).allowedCustomerUuid(allowedCustomerUuid).serviceManagerUuid(serviceManagerUuid)
                .categoryUuid(categoryUuid).billable(billable).shared(shared);
        CommandLine cmd = spec.subcommands().get("list");
        KeyValues.values(cmd, "--attribute", attributes, Map.of()).forEach(f::attribute);
        (states == null ? List.<String>of() : states).forEach(f::state);
        (types == null ? List.<String>of() : types).forEach(f::type);
        Received<List<Offering>> offerings = client.listReceived(WaldurCollection.OFFERINGS.path(),
                f.build().toQuery(client.mapper()), Offering.class);
        output.printList(spec.commandLine().getOut(), offerings, List.of("UUID", "NAME", "TYPE", "STATE", "OWNER", "PLANS"),
                o -> Output.row(o.uuid(), o.name(), o.type(), o.state(), o.customerName(), planNames(o)));
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one public offering, with its components and plans.")
    int show(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "OFFERING", description = "Offering UUID.") String uuid) {
        WaldurClient client = connection.client();
        Received<Offering> received = client.getReceived(WaldurCollection.OFFERINGS.path(),
                Uuid.check(spec.subcommands().get("show"), uuid), Offering.class);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(out, received);
            return 0;
        }
        Output.printFields(out, received, List.of("uuid", "name", "description", "type", "state", "customer_name", "shared", "billable"));
        Offering o = received.value();
        List<List<String>> rows = new ArrayList<>();
        o.components().forEach(c -> rows.add(Output.row(c.type(), c.name(), c.measuredUnit(), Output.wire(c.billingType()),
                Output.wire(c.limitPeriod()))));
        out.println();
        Output.printTable(out, List.of("COMPONENT", "NAME", "UNIT", "BILLING", "PERIOD"), rows);
        out.println();
        printPlans(out, o.plans());
        return 0;
    }

    @Command(name = "plans", mixinStandardHelpOptions = true, description = "List the public plans of an offering with their prices.")
    int plans(@Mixin ConnectionOptions connection, @Mixin Output output,
            @Parameters(paramLabel = "OFFERING", description = "Offering UUID.") String uuid) {
        WaldurClient client = connection.client();
        String offering = Uuid.check(spec.subcommands().get("plans"), uuid);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Output.printJson(out, client.mapper(), client.plans(offering));
            return 0;
        }
        printPlans(out, client.plans(offering));
        return 0;
    }

    /** The offering's plan names, comma-separated; a plan without a name is an empty entry. */
    private static String planNames(Offering o) {
        List<String> plans = new ArrayList<>();
        o.plans().forEach(p -> plans.add(p.name() == null ? "" : p.name()));
        return String.join(", ", plans);
    }

    private static void printPlans(PrintWriter out, List<Plan> plans) {
        List<List<String>> rows = new ArrayList<>();
        for (Plan p : plans) {
            List<String> prices = new ArrayList<>();
            p.prices().forEach((type, price) -> prices.add(type + "=" + price.stripTrailingZeros().toPlainString()));
            rows.add(Output.row(p.uuid(), p.name(), Output.wire(p.unit()), String.join(" ", prices)));
        }
        Output.printTable(out, List.of("PLAN", "NAME", "UNIT", "PRICES"), rows);
    }
}
