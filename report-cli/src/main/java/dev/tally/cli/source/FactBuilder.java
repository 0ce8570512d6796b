package dev.tally.cli.source;

import dev.tally.core.cost.PriceHistory;
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
import dev.tally.core.input.ProjectInput;
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
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceOptions;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.OrderSummary;
import dev.tally.waldur.snapshot.ResourceSummary;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
        return dataset(snapshot, List.of());
    }

    /**
     * The same, pricing each past month with the plan prices that one of {@code priceHistory} (other snapshots, e.g.
     * earlier harvests) saw then (docs/definitions.md, "Prices that change").
     */
    public Dataset dataset(Snapshot snapshot, List<Snapshot> priceHistory) {
        return assembler(snapshot).withPriceHistory(priceHistory(priceHistory)).assemble(source(snapshot), true);
    }

    /**
     * The dataset of a snapshot's source data, read from its files ({@link #source(Snapshot)}) or from its cache
     * (docs/cache.md); the current month is the harvest month in {@code manifest} unless the builder has a clock.
     */
    public Dataset dataset(Manifest manifest, SourceData source, List<Snapshot> priceHistory) {
        return dataset(manifest, source, priceHistory, false);
    }

    /**
     * The same; with {@code consume} the source's usages are let go once they are in the dataset (the caller reads
     * {@code source} no more), which lowers the peak memory of a large snapshot by their size.
     */
    public Dataset dataset(Manifest manifest, SourceData source, List<Snapshot> priceHistory, boolean consume) {
        return assembler(manifest).withPriceHistory(priceHistory(priceHistory)).assemble(source, consume);
    }

    /** What these snapshots saw of the plans, each in its harvest month, oldest harvest first. */
    static PriceHistory priceHistory(List<Snapshot> snapshots) {
        List<Snapshot> byHarvest = new ArrayList<>(snapshots);
        byHarvest.sort(java.util.Comparator.comparing(s -> s.manifest().startedAt()));
        List<PriceHistory.Observation> observations = new ArrayList<>();
        for (Snapshot s : byHarvest) {
            List<OfferingInput> offerings = new ArrayList<>();
            s.forEach(WaldurCollection.OFFERINGS, Offering.class, x -> offerings.add(offering(x)));
            observations.addAll(FactAssembler.priceObservations(offerings,
                    YearMonth.from(s.manifest().startedAt().atZone(ZoneOffset.UTC))));
        }
        return PriceHistory.of(observations);
    }

    private FactAssembler assembler(Snapshot snapshot) {
        return assembler(snapshot.manifest());
    }

    private FactAssembler assembler(Manifest manifest) {
        // Snapshot.open refuses a manifest without started_at, so a snapshot always has its own "now"
        Clock c = clock != null ? clock : Clock.fixed(manifest.startedAt(), ZoneOffset.UTC);
        return new FactAssembler(countries, c);
    }

    /** The core's view of a snapshot. */
    public static SourceData source(Snapshot snapshot) {
        // Usages are by far the largest collection (two million at scale 20, 1.3 GB of JSON): they go
        // from the snapshot's reader straight into columns, never one record or BigDecimal each, on a
        // second thread while this one reads the rest. Orders and resources come as summaries with
        // only the fields the core reads.
        CompletableFuture<UsageTable> usages = CompletableFuture.supplyAsync(() -> {
            UsageTable t = new UsageTable((int) Math.min(snapshot.count(WaldurCollection.COMPONENT_USAGES), 1 << 28));
            snapshot.forEachUsage(new UsageColumns(t));
            return t;
        });
        List<OfferingInput> offerings = new ArrayList<>();
        List<OrderInput> orders = new ArrayList<>((int) Math.min(snapshot.count(WaldurCollection.ORDERS), 1 << 24));
        List<ResourceInput> resources = new ArrayList<>((int) Math.min(snapshot.count(WaldurCollection.RESOURCES), 1 << 24));
        List<ProjectInput> projects = new ArrayList<>();
        try {
            snapshot.forEach(WaldurCollection.OFFERINGS, Offering.class, x -> offerings.add(offering(x)));
            // the field of science and the project's is_industry are the project's; a snapshot without projects
            // leaves them unknown
            if (snapshot.has(WaldurCollection.PROJECTS)) {
                snapshot.forEach(WaldurCollection.PROJECTS, Project.class, x -> addProject(projects, x));
            }
            snapshot.forEachOrderSummary(x -> orders.add(order(x)));
            snapshot.forEachResourceSummary(x -> resources.add(resource(x)));
        } catch (RuntimeException e) {
            usages.cancel(false);
            throw e;
        }
        try {
            return new SourceData(offerings, resources, orders, usages.join(), projects);
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
            components.add(new ComponentInput(c.type(), WireEnums.billingType(c.billingType()),
                    WireEnums.limitPeriod(c.limitPeriod()), c.measuredUnit()));
        }
        List<PlanInput> plans = new ArrayList<>();
        for (Plan p : o.plans()) {
            Map<String, BigDecimal> prices = new HashMap<>();
            Map<String, BigDecimal> futurePrices = new HashMap<>();
            Map<String, BigDecimal> amounts = new HashMap<>();
            for (OfferingComponent c : o.components()) {
                BigDecimal price = p.priceOf(c.type());
                if (price != null) {
                    prices.put(c.type(), price);
                }
                BigDecimal future = p.futurePriceOf(c.type());
                if (future != null) {
                    futurePrices.put(c.type(), future);
                }
            }
            for (PlanComponent pc : p.components()) {
                if (pc.type() != null && pc.amount() != null) {
                    amounts.put(pc.type(), pc.amount());
                }
            }
            plans.add(new PlanInput(p.uuid(), p.name() == null ? "(unnamed plan)" : p.name(), WireEnums.planUnit(p.unit()),
                    p.unitPrice(), prices, amounts, futurePrices));
        }
        return new OfferingInput(o.uuid(), o.name() == null ? "" : o.name(), o.country(), o.customerUuid(),
                o.customerName(), components, plans);
    }

    private static void addProject(List<ProjectInput> projects, Project p) {
        if (p.uuid() != null) {
            projects.add(new ProjectInput(p.uuid(), p.oecdFos2007Code(), flag(p.isIndustry())));
        }
    }

    static ResourceInput resource(Resource r) {
        return resource(ResourceSummary.of(r));
    }

    static ResourceInput resource(ResourceSummary r) {
        return new ResourceInput(r.uuid(), r.name(), r.state() == null ? null : r.state().wire(), r.projectUuid(),
                r.projectName(), r.customerUuid(), r.customerName(), r.offeringUuid(), r.offeringName(), r.planUuid(),
                r.limits(), options(r.options()), r.created());
    }

    static OrderInput order(Order o) {
        return order(OrderSummary.of(o));
    }

    static OrderInput order(OrderSummary o) {
        return new OrderInput(o.uuid(), o.type() == null ? null : WireEnums.orderType(o.type()),
                o.state() == null ? null : WireEnums.orderState(o.state()), o.cost(), o.limits(), o.planUuid(),
                o.offeringUuid(), o.resourceUuid(), o.created(), o.completedAt());
    }

    /** A usage record, or null when it names no resource, component, amount or month. */
    static UsageInput usage(ComponentUsage u) {
        LocalDate month = u.month();
        if (u.resourceUuid() == null || u.type() == null || u.usage() == null || month == null) {
            return null;
        }
        return new UsageInput(u.uuid(), u.resourceUuid(), u.type(), u.usage(), month, u.reportedAt());
    }

    /** The core's LUMI options; a flag the client could not read is unknown. */
    static LumiOptions options(ResourceOptions o) {
        return new LumiOptions(flag(o.isIndustry()), flag(o.isCommercial()), flag(o.isTraining()), o.usedAiTech());
    }

    private static Flag flag(Boolean value) {
        return value == null ? Flag.UNKNOWN : Flag.of(value);
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
