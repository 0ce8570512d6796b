package dev.tally.core.input;

import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.CostCalculator;
import dev.tally.core.cost.PriceHistory;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.country.CountryShare;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.quality.AssemblyFindings;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.ProjectChecks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns snapshot records into facts by the definitions in docs/definitions.md:
 * <ul>
 *   <li>lifetime from the done Create order's {@code completed_at} (the resource's {@code created}
 *       when no Create order is known; never, when Create orders exist but none is done) until the
 *       first done Terminate order's {@code completed_at};</li>
 *   <li>limits from the Create order, replaced by each done Update order from its {@code completed_at};
 *       when the resource's own limits differ from the last ones, a finding, and the resource's limits
 *       apply from the start of the current month (the month of the clock's date);</li>
 *   <li>usage: per resource, component and billing month, the records of each plan period added up, a record read
 *       twice or copied over counted once;</li>
 *   <li>field of science: the OECD code of the resource's project, joined by project UUID; a project that
 *       resources name but the projects list lacks is a finding, and its allocations stay;</li>
 *   <li>prices: each month's from the snapshot of that time where one is given, else the nearest one's, with a
 *       finding when the plan's prices changed at some time;</li>
 *   <li>orders: the stored cost plus the core's recomputation of it;</li>
 *   <li>industry: the LUMI option {@code is_industry}; where the project's own flag is known and differs, a finding.</li>
 * </ul>
 */
public final class FactAssembler {
    private final CountryResolver countries;
    private final Clock clock;
    private final PriceHistory priceHistory;

    /** An assembler resolving shares with {@code countries}; {@code clock} decides the current month. */
    public FactAssembler(CountryResolver countries, Clock clock) {
        this(countries, clock, PriceHistory.NONE);
    }

    private FactAssembler(CountryResolver countries, Clock clock, PriceHistory priceHistory) {
        this.countries = Objects.requireNonNull(countries, "countries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.priceHistory = Objects.requireNonNull(priceHistory, "priceHistory");
    }

    /**
     * The same assembler, pricing past months with what other snapshots saw of the plans (docs/definitions.md,
     * "Prices that change"); the data's own plans count as seen in the current month.
     */
    public FactAssembler withPriceHistory(PriceHistory history) {
        return new FactAssembler(countries, clock, history);
    }

    /** The facts and the findings made on the way. */
    public record Assembly(List<AllocationFact> allocations, List<OrderFact> orders, List<UsageFact> usages,
            List<Finding> findings) {
        public Assembly {
            allocations = List.copyOf(allocations);
            orders = List.copyOf(orders);
            usages = List.copyOf(usages);
            findings = List.copyOf(findings);
        }
    }

    /**
     * What a snapshot harvested in {@code month} saw of the plans of {@code offerings}: each plan's prices then and
     * its pending future prices, for {@link #withPriceHistory}.
     */
    public static List<PriceHistory.Observation> priceObservations(List<OfferingInput> offerings, YearMonth month) {
        return HistoricPrices.observations(offerings, month);
    }

    /** Builds the dataset queries and checks run on; usages go into it column-wise, never as one object each. */
    public Dataset assemble(SourceData data) {
        return assemble(data, false);
    }

    /**
     * The same; with {@code releaseUsages} the source's usage table is emptied ({@link UsageTable#release}) as soon as
     * its rows are in the builder, before the dataset's columns are built, so the two never need room at once. Only for
     * a caller that reads the source no more, on any thread.
     */
    public Dataset assemble(SourceData data, boolean releaseUsages) {
        List<Finding> findings = new ArrayList<>();
        List<AllocationFact> allocations = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        facts(data, allocations, orders, findings);
        UsageTable.PlanPeriodCount periods = planPeriods(allocations);
        DatasetBuilder b = Dataset.builder(today());
        for (OfferingInput o : data.offerings()) {
            o.components().forEach(c -> b.componentUnit(c.type(), c.measuredUnit()));
        }
        allocations.forEach(b::add);
        allocations.clear();
        orders.forEach(b::addOrder);
        orders.clear();
        addUsages(data.usages(), periods, b, findings, releaseUsages);
        if (releaseUsages) {
            data.usages().release();
        }
        findings.forEach(b::addFinding);
        return b.build();
    }

    private static void addUsages(UsageTable usages, UsageTable.PlanPeriodCount periods, DatasetBuilder b,
            List<Finding> findings, boolean releasing) {
        UsageTable.Counted counted = countedUsages(usages, periods, findings);
        if (releasing) {
            usages.releaseVersions();
        }
        b.expectUsages(counted.size());
        usages.addTo(b, counted);
    }

    /**
     * How many plan periods each allocation had in a month: one, plus one for each plan switch (a change to another
     * plan) in that month, as Waldur opens a period at every switch (docs/definitions.md, "Usage and utilisation").
     */
    private static UsageTable.PlanPeriodCount planPeriods(List<AllocationFact> allocations) {
        Map<String, Map<Integer, Integer>> switches = new HashMap<>();
        for (AllocationFact a : allocations) {
            String plan = a.prices().planId();
            for (LimitChange c : a.changes()) {
                String next = c.prices().planId();
                if (!Objects.equals(plan, next)) {
                    int m = Dataset.epochMonth(YearMonth.from(c.at().atZone(ZoneOffset.UTC)));
                    switches.computeIfAbsent(a.resourceId(), k -> new HashMap<>()).merge(m, 1, Integer::sum);
                }
                plan = next;
            }
        }
        if (switches.isEmpty()) {
            return UsageTable.PlanPeriodCount.ONE;
        }
        return (resourceId, epochMonth) -> {
            Map<Integer, Integer> months = switches.get(resourceId);
            return 1 + (months == null ? 0 : months.getOrDefault(epochMonth, 0));
        };
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Builds the facts without compacting them into a dataset. */
    public Assembly facts(SourceData data) {
        List<Finding> findings = new ArrayList<>();
        List<AllocationFact> allocations = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        facts(data, allocations, orders, findings);
        UsageTable usages = data.usages();
        UsageTable.Counted counted = countedUsages(usages, planPeriods(allocations), findings);
        List<UsageFact> facts = new ArrayList<>(counted.size());
        for (int j = 0; j < counted.size(); j++) {
            int k = counted.row(j);
            facts.add(new UsageFact(usages.resourceId(k), usages.component(k), Dataset.month(usages.epochMonth(k)),
                    counted.usage(usages, j)));
        }
        return new Assembly(allocations, orders, facts, findings);
    }

    /** Adds the allocation and order facts to {@code allocations} and {@code orders}, and findings about them. */
    private void facts(SourceData data, List<AllocationFact> allocations,
            List<OrderFact> orders, List<Finding> findings) {
        Map<String, OfferingInput> offerings = new HashMap<>();
        Map<String, PriceList> plans = new HashMap<>();
        for (OfferingInput o : data.offerings()) {
            if (o.uuid() != null) {
                offerings.put(o.uuid(), o);
            }
            for (PlanInput p : o.plans()) {
                if (p.uuid() != null) {
                    plans.put(p.uuid(), priceList(o, p));
                }
            }
        }
        Map<String, List<OrderInput>> ordersByResource = new HashMap<>();
        for (OrderInput o : data.orders()) {
            if (o.resourceId() != null) {
                ordersByResource.computeIfAbsent(o.resourceId(), k -> new ArrayList<>()).add(o);
            }
        }
        Instant monthStart = YearMonth.from(today()).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // the country rule depends on the offering only, so it runs once per offering, not per resource
        Map<String, CountryShare> shares = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        Map<String, Flag> projectIndustry = new HashMap<>();
        for (ProjectInput p : data.projects()) {
            fields.put(p.uuid(), p.fieldOfScience());
            projectIndustry.put(p.uuid(), p.isIndustry());
        }
        YearMonth month = YearMonth.from(today());
        HistoricPrices history = new HistoricPrices(priceHistory.with(HistoricPrices.observations(data.offerings(), month)), month);
        for (ResourceInput r : data.resources()) {
            OfferingInput offering = offerings.get(r.offeringId());
            CountryShare share = offering != null ? shares.computeIfAbsent(offering.uuid(), k -> share(offering)) : null;
            allocations.add(history.apply(allocation(r, offering, share, plans,
                    ordersByResource.getOrDefault(r.uuid(), List.of()), monthStart, findings,
                    r.projectId() == null ? null : fields.get(r.projectId()))));
        }
        findings.addAll(history.findings());
        // one fact per resource, in the resources' order, carrying the resource's project and options as listed
        findings.addAll(ProjectChecks.missingProjects(allocations, fields.keySet()));
        findings.addAll(ProjectChecks.industryMismatches(allocations, projectIndustry));
        Map<String, ResourceInput> resources = new HashMap<>();
        data.resources().forEach(r -> resources.put(r.uuid(), r));
        for (OrderInput o : data.orders()) {
            orders.add(orderFact(o, plans, resources.get(o.resourceId()), history));
        }
    }

    private CountryShare share(OfferingInput offering) {
        return countries.resolve(offering.uuid(), offering.name(), offering.country(), offering.providerId(),
                offering.providerName());
    }

    /** The fact of one resource; {@code offeringShare} is its offering's country share, null when the offering is unknown. */
    private AllocationFact allocation(ResourceInput r, OfferingInput offering, CountryShare offeringShare,
            Map<String, PriceList> plans, List<OrderInput> history, Instant monthStart, List<Finding> findings,
            String fieldOfScience) {
        String offeringName = offering != null ? offering.name() : r.offeringName() == null ? "" : r.offeringName();
        CountryShare share = offering != null ? offeringShare : countries.resolve(r.offeringId(), offeringName, null);
        PriceList resourcePlan = plans.getOrDefault(r.planId(), PriceList.FREE);

        List<OrderInput> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(FactAssembler::orderTime, Comparator.nullsLast(Comparator.naturalOrder())));
        List<OrderInput> creates = sorted.stream().filter(o -> o.type() == OrderType.CREATE).toList();
        OrderInput create = creates.stream().filter(FactAssembler::isDone).findFirst().orElse(null);
        Instant activeFrom = creates.isEmpty() ? r.created() : create == null ? null : create.completedAt();
        Instant activeUntil = sorted.stream()
                .filter(o -> o.type() == OrderType.TERMINATE && isDone(o))
                .map(OrderInput::completedAt).findFirst().orElse(null);

        PriceList prices = create != null && create.planId() != null ? plans.getOrDefault(create.planId(), resourcePlan)
                : resourcePlan;
        Map<String, BigDecimal> limits = create != null && !create.limits().isEmpty() ? create.limits() : r.limits();
        List<LimitChange> changes = new ArrayList<>();
        PriceList currentPlan = prices;
        Map<String, BigDecimal> current = limits;
        for (OrderInput o : sorted) {
            if (o.type() == OrderType.UPDATE && isDone(o) && (activeFrom == null || !o.completedAt().isBefore(activeFrom))) {
                currentPlan = o.planId() != null ? plans.getOrDefault(o.planId(), currentPlan) : currentPlan;
                current = o.limits().isEmpty() ? current : o.limits();
                changes.add(new LimitChange(o.completedAt(), currentPlan, current));
            }
        }
        if (!r.limits().isEmpty() && !sameLimits(current, r.limits())) {
            findings.add(AssemblyFindings.limitsMismatch(r.uuid(), label(r), r.limits(), current,
                    LocalDate.ofInstant(monthStart, ZoneOffset.UTC)));
            Instant at = changes.isEmpty() || changes.get(changes.size() - 1).at().isBefore(monthStart)
                    ? monthStart : changes.get(changes.size() - 1).at();
            changes.add(new LimitChange(at, currentPlan, r.limits()));
        }
        return new AllocationFact(r.uuid(), r.name(), r.state(), r.projectId(), r.projectName(), r.customerId(),
                r.customerName(), offering != null ? offering.uuid() : r.offeringId(), offeringName, share, prices, limits,
                r.options(), activeFrom, activeUntil, changes, fieldOfScience);
    }

    // The recomputation uses the prices in force when the order was created, as Waldur's stored cost does; when no
    // snapshot shows them (a prices_assumed finding says so) there is nothing to cross-check against.
    private OrderFact orderFact(OrderInput o, Map<String, PriceList> plans, ResourceInput resource,
            HistoricPrices history) {
        BigDecimal estimate = null;
        PriceList plan = o.planId() == null ? null : plans.get(o.planId());
        if (plan != null && o.created() != null) {
            plan = history.at(plan, o.created());
        }
        if (plan != null && (o.type() == OrderType.CREATE || o.type() == OrderType.UPDATE)) {
            Map<String, BigDecimal> limits = o.limits();
            if (limits.isEmpty() && resource != null) {
                limits = resource.limits();
            }
            estimate = CostCalculator.orderEstimate(plan, limits, o.type() == OrderType.CREATE);
        }
        return new OrderFact(o.uuid(), o.resourceId(), o.type(), o.state(), o.cost(), estimate, o.created(),
                o.completedAt());
    }

    /**
     * The usage that counts per resource, component and month (UsageCounting#counted), with a finding for each key whose
     * records were added up over plan periods and for each whose extra records were left out.
     */
    private static UsageTable.Counted countedUsages(UsageTable usages, UsageTable.PlanPeriodCount periods,
            List<Finding> findings) {
        UsageTable.Counted counted = UsageCounting.counted(usages, periods);
        for (int j = 0; j < counted.size(); j++) {
            int k = counted.row(j);
            YearMonth month = Dataset.month(usages.epochMonth(k));
            if (counted.kept(j) > 1) {
                findings.add(AssemblyFindings.usagePlanPeriods(usages.resourceId(k), usages.component(k), month,
                        counted.kept(j), counted.usage(usages, j)));
            }
            if (counted.reports(j) > counted.kept(j)) {
                findings.add(AssemblyFindings.duplicateUsage(usages.resourceId(k), usages.component(k), month,
                        counted.reports(j), counted.kept(j), counted.usage(usages, j)));
            }
        }
        return counted;
    }

    /** Builds a plan's price list: every offering component with its billing type, period, the plan's price and amount. */
    public static PriceList priceList(OfferingInput offering, PlanInput plan) {
        List<ComponentPrice> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ComponentInput c : offering.components()) {
            if (seen.add(c.type())) {
                components.add(new ComponentPrice(c.type(), c.billingType(), plan.prices().get(c.type()), c.limitPeriod(),
                        plan.amounts().get(c.type())));
            }
        }
        return PriceList.of(plan.uuid(), plan.name(), plan.unit(), plan.unitPrice(), components);
    }

    private static boolean isDone(OrderInput o) {
        return o.state() == OrderState.DONE && o.completedAt() != null;
    }

    private static Instant orderTime(OrderInput o) {
        return o.completedAt() != null ? o.completedAt() : o.created();
    }

    /** Equal when every component has the same amount (compared numerically; missing counts as zero). */
    static boolean sameLimits(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (a.getOrDefault(k, BigDecimal.ZERO).compareTo(b.getOrDefault(k, BigDecimal.ZERO)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String label(ResourceInput r) {
        return AssemblyFindings.resourceLabel(r.uuid(), r.name());
    }
}
