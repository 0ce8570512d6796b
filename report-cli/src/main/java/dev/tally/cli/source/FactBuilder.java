package dev.tally.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.input.ComponentInput;
import dev.tally.core.input.FactAssembler;
import dev.tally.core.input.OfferingInput;
import dev.tally.core.input.OrderInput;
import dev.tally.core.input.PlanInput;
import dev.tally.core.input.ResourceInput;
import dev.tally.core.input.SourceData;
import dev.tally.core.input.UsageInput;
import dev.tally.core.input.UsageTable;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.OfferingComponent;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.PlanComponent;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceState;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Maps a snapshot's api-client records (offerings with components and plans, resources, the whole
 * order history, component usages) to the core's input records, and lets the core's
 * {@link FactAssembler} apply the definitions (lifetime, limits over time, latest usage wins).
 * The "current month" is the month the snapshot was harvested in (its manifest's {@code started_at}),
 * unless a clock is given: never the day the report runs (docs/definitions.md, "The snapshot's month").
 */
public final class FactBuilder {
    private final CountryResolver countries;
    private final Clock clock;

    /** A builder whose current month is each snapshot's harvest month. */
    public FactBuilder(CountryResolver countries) {
        this(countries, null);
    }

    /** A builder whose current month is the month of {@code clock}'s date. */
    public FactBuilder(CountryResolver countries, Clock clock) {
        this.countries = countries;
        this.clock = clock;
    }

    /** The allocation facts of a snapshot. */
    public List<AllocationFact> build(Snapshot snapshot) {
        return assembler(snapshot).facts(source(snapshot)).allocations();
    }

    /** The allocation facts of these records (no usages); needs the builder's clock, since records carry no harvest time. */
    public List<AllocationFact> build(List<Offering> offerings, List<Order> orders, List<Resource> resources) {
        if (clock == null) {
            throw new IllegalStateException("facts from records need a FactBuilder with a clock (they carry no harvest time)");
        }
        return new FactAssembler(countries, clock).facts(source(offerings, orders, resources, List.of())).allocations();
    }

    /** The dataset of a snapshot, for queries and data-quality checks. */
    public Dataset dataset(Snapshot snapshot) {
        return assembler(snapshot).assemble(source(snapshot));
    }

    private FactAssembler assembler(Snapshot snapshot) {
        // Snapshot.open refuses a manifest without started_at, so a snapshot always has its own "now"
        Clock c = clock != null ? clock : Clock.fixed(snapshot.manifest().startedAt(), ZoneOffset.UTC);
        return new FactAssembler(countries, c);
    }

    /** The core's view of a snapshot. */
    public static SourceData source(Snapshot snapshot) {
        // Usages are by far the largest collection (two million at scale 20, 1.3 GB of JSON): they go
        // from the parser straight into columns, never one record or BigDecimal each, on a second
        // thread while this one reads the rest. Orders and resources are read field by field into the
        // core's inputs too: their typed records spend most of the time on fields the core never
        // reads (timestamps through a DateTimeFormatter).
        CompletableFuture<UsageTable> usages = CompletableFuture.supplyAsync(() -> {
            UsageTable t = new UsageTable((int) Math.min(snapshot.count(WaldurCollection.COMPONENT_USAGES), 1 << 28));
            snapshot.forEachParsed(WaldurCollection.COMPONENT_USAGES, new UsageParser(t));
            return t;
        });
        List<OfferingInput> offerings = new ArrayList<>();
        List<OrderInput> orders = new ArrayList<>((int) Math.min(snapshot.count(WaldurCollection.ORDERS), 1 << 24));
        List<ResourceInput> resources = new ArrayList<>((int) Math.min(snapshot.count(WaldurCollection.RESOURCES), 1 << 24));
        try {
            snapshot.forEach(WaldurCollection.OFFERINGS, Offering.class, x -> offerings.add(offering(x)));
            // one copy of each UUID and name: 121k orders and 80k resources repeat a few thousand of them
            StringPool strings = new StringPool();
            snapshot.forEachParsed(WaldurCollection.ORDERS, new OrderParser(orders, strings));
            snapshot.forEachParsed(WaldurCollection.RESOURCES, new ResourceParser(resources, strings));
        } catch (RuntimeException e) {
            usages.cancel(false);
            throw e;
        }
        try {
            return new SourceData(offerings, resources, orders, usages.join());
        } catch (CompletionException e) {
            // the reader's own exception (a SnapshotException naming the file and line), not the wrapper
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The core's view of these records. */
    public static SourceData source(List<Offering> offerings, List<Order> orders, List<Resource> resources,
            List<ComponentUsage> usages) {
        List<OfferingInput> o = new ArrayList<>(offerings.size());
        offerings.forEach(x -> o.add(offering(x)));
        List<ResourceInput> r = new ArrayList<>(resources.size());
        resources.forEach(x -> r.add(resource(x)));
        List<OrderInput> ord = new ArrayList<>(orders.size());
        orders.forEach(x -> ord.add(order(x)));
        List<UsageInput> u = new ArrayList<>(usages.size());
        for (ComponentUsage x : usages) {
            UsageInput in = usage(x);
            if (in != null) {
                u.add(in);
            }
        }
        return new SourceData(o, r, ord, u);
    }

    static OfferingInput offering(Offering o) {
        List<ComponentInput> components = new ArrayList<>();
        for (OfferingComponent c : o.components()) {
            components.add(new ComponentInput(c.type(), BillingType.parse(c.billingType()), LimitPeriod.parse(c.limitPeriod())));
        }
        List<PlanInput> plans = new ArrayList<>();
        for (Plan p : o.plans()) {
            Map<String, BigDecimal> prices = new HashMap<>();
            Map<String, BigDecimal> amounts = new HashMap<>();
            for (OfferingComponent c : o.components()) {
                BigDecimal price = p.priceOf(c.type());
                if (price != null) {
                    prices.put(c.type(), price);
                }
            }
            for (PlanComponent pc : p.components()) {
                if (pc.type() != null && pc.amount() != null) {
                    amounts.put(pc.type(), pc.amount());
                }
            }
            plans.add(new PlanInput(p.uuid(), p.name() == null ? "(unnamed plan)" : p.name(), PlanUnit.parse(p.unit()),
                    p.unitPrice(), prices, amounts));
        }
        return new OfferingInput(o.uuid(), o.name() == null ? "" : o.name(), o.country(), o.customerUuid(),
                o.customerName(), components, plans);
    }

    static ResourceInput resource(Resource r) {
        return resource(r.uuid(), r.name(), r.state(), r.projectUuid(), r.projectName(), r.customerUuid(),
                r.customerName(), r.offeringUuid(), r.offeringName(), r.planUuid(), r.limits(), r.options(), r.created());
    }

    /** A resource from the fields of a {@link Resource} record ({@link ResourceParser} reads them without the record). */
    static ResourceInput resource(String uuid, String name, ResourceState state, String project, String projectName,
            String customer, String customerName, String offering, String offeringName, String plan,
            Map<String, BigDecimal> limits, JsonNode options, Instant created) {
        return new ResourceInput(uuid, name, state == null ? null : state.wire(), project, projectName, customer,
                customerName, offering, offeringName, plan, limits, options(options), created);
    }

    static OrderInput order(Order o) {
        return order(o.uuid(), o.type(), o.state(), o.cost(), o.limits(), o.planUuid(), o.offeringUuid(),
                o.marketplaceResourceUuid(), o.created(), o.completedAt());
    }

    /** An order from the fields of an {@link Order} record ({@link OrderParser} reads them without the record). */
    static OrderInput order(String uuid, dev.tally.waldur.model.OrderType type, dev.tally.waldur.model.OrderState state,
            BigDecimal cost, Map<String, BigDecimal> limits, String plan, String offering, String resource,
            Instant created, Instant completed) {
        return new OrderInput(uuid,
                type == null ? null : dev.tally.core.fact.OrderType.parse(type.wire()),
                state == null ? null : dev.tally.core.fact.OrderState.parse(state.wire()),
                cost, limits, plan, offering, resource, created, completed);
    }

    /** A usage record, or null when it names no resource, component, amount or month. */
    static UsageInput usage(ComponentUsage u) {
        LocalDate period = u.billingPeriod();
        if (period == null && u.date() != null) {
            period = LocalDate.ofInstant(u.date(), ZoneOffset.UTC).withDayOfMonth(1);
        }
        if (u.resourceUuid() == null || u.type() == null || u.usage() == null || period == null) {
            return null;
        }
        return new UsageInput(u.resourceUuid(), u.type(), u.usage(), period, u.created() != null ? u.created() : u.date());
    }

    /** The LUMI options (CONTRACT §9); booleans may arrive as JSON booleans or as text. */
    static LumiOptions options(JsonNode options) {
        if (options == null || !options.isObject()) {
            return LumiOptions.NONE;
        }
        List<String> ai = new ArrayList<>();
        JsonNode tech = options.get("used_ai_tech");
        if (tech != null && tech.isArray()) {
            tech.forEach(t -> {
                if (t.isTextual() && !t.asText().isBlank()) {
                    ai.add(t.asText());
                }
            });
        } else if (tech != null && tech.isTextual() && !tech.asText().isBlank()) {
            ai.add(tech.asText());
        }
        return new LumiOptions(flag(options.get("is_industry")), flag(options.get("is_commercial")),
                flag(options.get("is_training")), ai);
    }

    private static Flag flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return Flag.UNKNOWN;
        }
        if (node.isBoolean()) {
            return Flag.of(node.booleanValue());
        }
        String text = node.asText().strip();
        if (text.equalsIgnoreCase("true")) {
            return Flag.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Flag.FALSE;
        }
        return Flag.UNKNOWN;
    }

    /** The core's price list of one plan of an offering: every offering component with the plan's price. */
    static PriceList priceList(Offering offering, Plan plan) {
        OfferingInput o = offering(offering);
        for (PlanInput p : o.plans()) {
            if (p.uuid() != null && p.uuid().equals(plan.uuid())) {
                return FactAssembler.priceList(o, p);
            }
        }
        return PriceList.FREE;
    }
}
