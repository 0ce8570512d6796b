package dev.tally.core.input;

import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.country.CountryShare;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FactAssemblerTest {
    static final Clock APRIL_15 = Clock.fixed(Instant.parse("2025-04-15T09:00:00Z"), ZoneOffset.UTC);
    private final FactAssembler assembler = new FactAssembler(CountryResolver.standard(), APRIL_15);
    private final FactAssembler.Assembly facts = assembler.facts(Snapshots.example());
    private final Dataset data = assembler.assemble(Snapshots.example());

    private AllocationFact allocation(String id) {
        return facts.allocations().stream().filter(a -> a.resourceId().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Object> costs(String period, String measure) {
        ResultTable t = QueryEngine.run(data, Query.builder(Period.parse(period)).dimensions("offering, project")
                .measures(measure).grandTotal(false).build());
        return t.rows().stream().collect(Collectors.toMap(r -> (String) r.get(1), r -> r.get(2)));
    }

    @Test
    void lifetimeRunsFromTheDoneCreateOrderToTheDoneTerminateOrder() {
        assertThat(allocation("r1").activeFrom()).isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
        assertThat(allocation("r1").activeUntil()).isNull();
        assertThat(allocation("r5").activeFrom()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(allocation("r5").activeUntil()).isEqualTo(Instant.parse("2025-02-15T10:00:00Z"));
    }

    @Test
    void createOrderThatNeverCompletedMeansNeverActive() {
        assertThat(allocation("r2").activeFrom()).isNull();
        assertThat(costs("2025-02", "cost")).doesNotContainKey("Project r2");
    }

    @Test
    void withoutCreateOrderTheResourceCreationStartsTheLifetime() {
        assertThat(allocation("r3").activeFrom()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(allocation("r3").share()).isEqualTo(CountryShare.unassigned());
    }

    @Test
    void updateOrderChangesLimitsFromItsCompletionDay() {
        // 15 days at 1.301 and 16 days at 1.601, over 31 days
        assertThat((BigDecimal) costs("2025-03", "cost").get("Project r1"))
                .isEqualByComparingTo("1.455838709677419354838709677419355");
        assertThat((BigDecimal) costs("2025-02", "cost").get("Project r1")).isEqualByComparingTo("1.301");
    }

    @Test
    void resourceLimitsWinFromTheCurrentMonthWhenTheyDifferFromTheLastOrder() {
        assertThat(allocation("r4").currentLimits()).isEqualTo(limits("cpu_k_hours", 12, "ram", 4));

        assertThat((BigDecimal) costs("2025-03", "cost").get("Project r4")).isEqualByComparingTo("1.0");
        assertThat((BigDecimal) costs("2025-04", "cost").get("Project r4")).isEqualByComparingTo("1.2");
    }

    @Test
    void nonShareOfferingIsReportedUnderItsOwnNameWithItsUnitPriceProrated() {
        assertThat(allocation("r5").share()).isEqualTo(CountryShare.nonShare("Object storage"));
        // 1 to 15 February: 15 of 28 days at 5
        assertThat((BigDecimal) costs("2025-02", "cost").get("Project r5"))
                .isEqualByComparingTo("2.678571428571428571428571428571429");
    }

    @Test
    void latestUsageReportOfAMonthWins() {
        assertThat((BigDecimal) costs("2025-03", "usage.cpu_k_hours").get("Project r1")).isEqualByComparingTo("2.5");
    }

    @Test
    void everyOrderCarriesTheCoreRecomputationOfItsCost() {
        Map<String, BigDecimal> estimates = facts.orders().stream().filter(o -> o.estimate() != null)
                .collect(Collectors.toMap(OrderFact::orderId, OrderFact::estimate));

        assertThat(estimates.get("o1")).isEqualByComparingTo("1.301");
        assertThat(estimates.get("o2")).isEqualByComparingTo("1.601");
        assertThat(estimates.get("o4")).isEqualByComparingTo("1.0");
        assertThat(facts.orders().stream().filter(o -> o.orderId().equals("o5")).findFirst().orElseThrow().estimate()).isNull();
    }

    @Test
    void lumiOptionsAreCarriedThrough() {
        assertThat(allocation("r1").options().usedAiTech()).containsExactly("Deep Learning", "Vision");
        assertThat(List.of(allocation("r1").options().isIndustry(), allocation("r1").options().isCommercial(),
                allocation("r1").options().isTraining())).extracting(Enum::name).containsExactly("TRUE", "FALSE", "UNKNOWN");
    }

    @Test
    void fieldOfScienceComesFromTheResourcesProjectByUuid() {
        SourceData ex = Snapshots.example();
        SourceData withProjects = new SourceData(ex.offerings(), ex.resources(), ex.orders(), ex.usages(),
                List.of(new ProjectInput("p-r1", "1.5"), new ProjectInput("p-r4", " "), new ProjectInput("p-x", "6.1")));
        FactAssembler.Assembly joined = assembler.facts(withProjects);

        Map<String, String> fields = new java.util.HashMap<>();
        joined.allocations().forEach(a -> fields.put(a.resourceId(), a.fieldOfScience()));
        // r4's project has a blank code; r2's project is not in the list; without projects, nothing is known
        assertThat(fields).containsEntry("r1", "1.5").containsEntry("r4", null).containsEntry("r2", null);
        assertThat(allocation("r1").fieldOfScience()).isNull();
        assertThat(joined.allocations().get(0).accessType()).isEqualTo("(none)");
    }

    @Test
    void aProjectTheListLacksIsOneFindingAndItsAllocationsStayUnderTheResourcesProjectName() {
        SourceData ex = Snapshots.example();
        List<ResourceInput> resources = new java.util.ArrayList<>(ex.resources());
        // a second resource of the soft-deleted project p-r3, whose denormalised name changed later
        resources.add(new ResourceInput("r6", "alloc r6", "OK", "p-r3", "Project r3 (renamed)", "c1", "DeiC", "oa",
                "LUMI Atlantis", "pl2", Map.of(), null, Instant.parse("2025-02-01T00:00:00Z")));
        SourceData withProjects = new SourceData(ex.offerings(), resources, ex.orders(), ex.usages(),
                List.of(new ProjectInput("p-r1", null), new ProjectInput("p-r2", null), new ProjectInput("p-r4", null)));

        List<dev.tally.core.quality.Finding> missing = assembler.facts(withProjects).findings().stream()
                .filter(f -> f.kind() == dev.tally.core.quality.FindingKind.PROJECT_MISSING).toList();

        assertThat(missing).extracting(dev.tally.core.quality.Finding::subject).containsExactly("p-r3", "p-r5");
        assertThat(missing.get(0).message()).isEqualTo("project 'Project r3' (p-r3) is not in the projects list "
                + "(soft-deleted, or not visible to the harvest); its 2 allocation(s) are counted under the name their "
                + "resources carry, without a field of science");
        assertThat(missing.get(0).severity()).isEqualTo(dev.tally.core.quality.Severity.WARNING);
        assertThat(missing.get(1).message()).startsWith("project 'Project r5' (p-r5) is not in the projects list")
                .contains("its 1 allocation(s)");
        // r3 still costs its February: 1 cpu_k_hours at 0.1; r6 has no limits
        Dataset d = assembler.assemble(withProjects);
        ResultTable t = QueryEngine.run(d, Query.builder(Period.parse("2025-02")).dimensions("project")
                .measures("cost").grandTotal(false).build());
        Map<Object, Object> byProject = t.rows().stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
        assertThat((BigDecimal) byProject.get("Project r3")).isEqualByComparingTo("0.1");
        assertThat(d.findings()).filteredOn(f -> f.kind() == dev.tally.core.quality.FindingKind.PROJECT_MISSING).hasSize(2);
    }

    @Test
    void withoutAnyProjectsNoProjectIsMissing() {
        assertThat(facts.findings()).noneMatch(f -> f.kind() == dev.tally.core.quality.FindingKind.PROJECT_MISSING);
    }

    @Test
    void anIndustryOptionThatDisagreesWithItsProjectIsAFindingAndTheOptionCounts() {
        // r1's option says industry; its project says not. r2 has no option (unknown): no finding either way.
        // r4's project says industry, its option is unknown; p-x names no resource.
        SourceData ex = Snapshots.example();
        SourceData withProjects = new SourceData(ex.offerings(), ex.resources(), ex.orders(), ex.usages(), List.of(
                new ProjectInput("p-r1", null, dev.tally.core.fact.Flag.FALSE),
                new ProjectInput("p-r2", null, dev.tally.core.fact.Flag.TRUE),
                new ProjectInput("p-r4", null, dev.tally.core.fact.Flag.TRUE),
                new ProjectInput("p-x", null, dev.tally.core.fact.Flag.FALSE)));

        FactAssembler.Assembly checked = assembler.facts(withProjects);

        List<dev.tally.core.quality.Finding> mismatches = checked.findings().stream()
                .filter(f -> f.kind() == dev.tally.core.quality.FindingKind.INDUSTRY_MISMATCH).toList();
        assertThat(mismatches).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("r1");
            assertThat(f.severity()).isEqualTo(dev.tally.core.quality.Severity.WARNING);
            assertThat(f.message()).isEqualTo("allocation 'alloc r1' (r1) has the LUMI option is_industry=true but its "
                    + "project 'Project r1' (p-r1) has is_industry=false; reports use the option");
        });
        assertThat(checked.allocations().get(0).options().isIndustry()).isEqualTo(dev.tally.core.fact.Flag.TRUE);
        assertThat(assembler.assemble(withProjects).findings())
                .filteredOn(f -> f.kind() == dev.tally.core.quality.FindingKind.INDUSTRY_MISMATCH).hasSize(1);
        assertThat(facts.findings()).noneMatch(f -> f.kind() == dev.tally.core.quality.FindingKind.INDUSTRY_MISMATCH);
    }

    @Test
    void anOfferingsMeasuredUnitsGoIntoTheDatasetAndAnUnknownComponentsUsageIsKept() {
        SourceData ex = Snapshots.example();
        List<OfferingInput> offerings = new java.util.ArrayList<>();
        for (OfferingInput o : ex.offerings()) {
            List<ComponentInput> components = new java.util.ArrayList<>();
            o.components().forEach(c -> components.add(new ComponentInput(c.type(), c.billingType(), c.limitPeriod(),
                    c.type().equals("cpu_k_hours") ? "CPU kH" : null)));
            components.add(new ComponentInput("qpu_seconds", dev.tally.core.cost.BillingType.USAGE, null,
                    o.uuid().equals("od") ? "QPU seconds" : o.uuid().equals("oa") ? "QPU s" : " "));
            offerings.add(new OfferingInput(o.uuid(), o.name(), o.country(), o.providerId(), o.providerName(), components,
                    o.plans()));
        }
        List<UsageInput> usages = List.of(new UsageInput("r1", "qpu_seconds", new BigDecimal("7"),
                java.time.LocalDate.of(2025, 3, 1), null));
        dev.tally.core.dataset.Dataset d = assembler.assemble(new SourceData(offerings, ex.resources(), ex.orders(),
                usages));

        assertThat(d.componentUnits()).containsExactly(Map.entry("cpu_k_hours", "CPU kH"),
                Map.entry("qpu_seconds", "QPU s or QPU seconds"));
        assertThat(d.components()).contains("qpu_seconds");
    }
}
