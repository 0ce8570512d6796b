package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.model.DryRun;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.OptionsUpdate;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.OrderType;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceState;
import dev.tally.waldur.model.ResourceUpdate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the two seed documents (puhuri-web "Resource allocation management" and the
 * "Marketplace Script Dry Run" API page), over loopback HTTP against the emulator, as the allocator,
 * the LUMI service provider or staff.
 */
class SeedOperationsTest {
    private static final List<String> AI = List.of("Deep Learning", "Machine Learning");
    private static Emulator emulator;
    private static WaldurClient staff;
    private static WaldurClient deic;
    private static WaldurClient csc;
    private static WaldurClient provider;

    @BeforeAll
    static void start() throws Exception {
        // Approved orders stay `executing` for 100 ms, so waiting is exercised for real.
        emulator = Emulator.start(EmulatorConfig.defaults().withOrderProcessingDelay(Duration.ofMillis(100)));
        staff = TestClients.client(emulator, emulator.staffToken());
        deic = TestClients.client(emulator, emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
        csc = TestClients.client(emulator, emulator.allocatorTokens().get("CSC – IT Center for Science"));
        provider = TestClients.client(emulator, emulator.providerToken());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<String> names(List<Offering> offerings) {
        return offerings.stream().map(Offering::name).toList();
    }

    private static Offering offering(String name) {
        return staff.offerings(OfferingFilter.builder().nameExact(name).build()).get(0);
    }

    private static Map<String, BigInteger> seedLimits() {
        Map<String, BigInteger> limits = new LinkedHashMap<>();
        limits.put("gb_k_hours", BigInteger.ONE);
        limits.put("gpu_k_hours", BigInteger.TWO);
        limits.put("cpu_k_hours", BigInteger.valueOf(3));
        return limits;
    }

    private static Map<String, Object> seedAttributes(String name) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("used_ai_tech", AI);
        attributes.put("is_industry", true);
        attributes.put("is_commercial", false);
        attributes.put("is_training", false);
        return attributes;
    }

    /** An order by CSC on "LUMI Finland" (owned by LUMI): it waits for CSC's own review first. */
    private static Order pendingConsumerOrder(String name) {
        Offering finland = offering("LUMI Finland");
        Project project = csc.projects(Query.NONE).get(0);
        return csc.createOrder(new OrderRequest(project.uuid(), finland.uuid(), finland.plans().get(0).uuid(),
                seedLimits(), seedAttributes(name)));
    }

    /** A Create order approved by both sides, waited for, and its resource. */
    private static Resource activeResource(String name) {
        Order order = pendingConsumerOrder(name);
        csc.approveOrder(order.uuid(), Reviewer.CONSUMER);
        provider.approveOrder(order.uuid(), Reviewer.PROVIDER);
        Order done = csc.awaitOrder(order.uuid(), OrderWait.TERMINAL, Duration.ofSeconds(30));
        return csc.resource(done.marketplaceResourceUuid());
    }

    @Test
    void listsActiveSharedOfferingsWithPlansAndComponents() {
        List<Offering> offerings = staff.offerings(OfferingFilter.builder().state("Active").shared(true).build());

        // 12 active shared offerings before the emulator's seven "LUMI <Country> / <access type>" ones
        assertThat(offerings).hasSize(12 + 7);
        Offering denmark = offerings.stream().filter(o -> o.name().equals("LUMI Denmark")).findFirst().orElseThrow();
        assertThat(denmark.customerName()).isEqualTo("Danish e-Infrastructure Cooperation");
        assertThat(denmark.description()).isEqualTo("LUMI share of Denmark");
        assertThat(denmark.type()).isEqualTo("Marketplace.Basic");
        assertThat(denmark.billable()).isTrue();
        assertThat(denmark.components()).extracting(c -> c.type() + "/" + c.billingType().wire())
                .containsExactly("cpu_k_hours/limit", "gpu_k_hours/limit", "gb_k_hours/limit");
        Plan common = denmark.plans().get(0);
        assertThat(common.name()).isEqualTo("LUMI Common");
        assertThat(common.unit().wire()).isEqualTo("month");
        assertThat(common.priceOf("cpu_k_hours")).isEqualByComparingTo("0.1");
        assertThat(common.priceOf("gb_k_hours")).isEqualByComparingTo("0.001");
        assertThat(common.priceOf("gpu_k_hours")).isEqualByComparingTo("0.5");
        assertThat(denmark.resourceOptions().path("options").path("used_ai_tech").path("type").asText())
                .isEqualTo("select_string_multi");
    }

    @Test
    void filtersOfferingsByEverySeedFilter() {
        Offering denmark = offering("LUMI Denmark");
        String deicUuid = denmark.customerUuid();
        String deicUrl = staff.customer(deicUuid).url();
        String cscUuid = csc.projects(Query.NONE).get(0).customerUuid();
        String categoryUuid = staff.getRaw(WaldurCollection.OFFERINGS.path(), denmark.uuid()).get("category_uuid").asText();

        assertThat(names(staff.offerings(OfferingFilter.builder().name("denm").build()))).containsExactly("LUMI Denmark");
        assertThat(names(staff.offerings(OfferingFilter.builder().nameExact("LUMI Norway").build()))).containsExactly("LUMI Norway");
        assertThat(names(staff.offerings(OfferingFilter.builder().customer(deicUrl).build()))).containsExactly("LUMI Denmark");
        assertThat(names(staff.offerings(OfferingFilter.builder().customerUuid(deicUuid).build()))).containsExactly("LUMI Denmark");
        assertThat(staff.offerings(OfferingFilter.builder().allowedCustomerUuid(cscUuid).build())).hasSize(13 + 7);
        assertThat(staff.offerings(OfferingFilter.builder().serviceManagerUuid(cscUuid).build())).isEmpty();
        assertThat(staff.offerings(OfferingFilter.builder().attribute("vendor", List.of("x", "y")).build())).isEmpty();
        assertThat(names(staff.offerings(OfferingFilter.builder().state("Paused").build()))).containsExactly("Training sandbox");
        assertThat(staff.offerings(OfferingFilter.builder().state("Active").state("Paused").build())).hasSize(13 + 7);
        assertThat(staff.offerings(OfferingFilter.builder().categoryUuid(categoryUuid).build())).hasSize(13 + 7);
        assertThat(names(staff.offerings(OfferingFilter.builder().billable(false).build()))).containsExactly("Training sandbox");
        assertThat(staff.offerings(OfferingFilter.builder().shared(true).build())).hasSize(13 + 7);
        assertThat(names(staff.offerings(OfferingFilter.builder().type("Marketplace.Script").build())))
                .containsExactly("LUMI custom script");
    }

    @Test
    void readsOneOfferingAndItsPlans() {
        Offering denmark = offering("LUMI Denmark");

        Offering byUuid = staff.offering(denmark.uuid());
        List<Plan> plans = staff.plans(denmark.uuid());
        Plan plan = staff.plan(denmark.uuid(), plans.get(0).uuid());

        assertThat(byUuid.name()).isEqualTo("LUMI Denmark");
        assertThat(plans).extracting(Plan::name).containsExactly("LUMI Common");
        assertThat(plan.uuid()).isEqualTo(denmark.plans().get(0).uuid());
        assertThat(plan.unitPrice()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void acceptsUuidsWithHyphens() {
        Offering denmark = offering("LUMI Denmark");
        String u = denmark.uuid();
        String hyphenated = u.substring(0, 8) + "-" + u.substring(8, 12) + "-" + u.substring(12, 16) + "-"
                + u.substring(16, 20) + "-" + u.substring(20);

        assertThat(staff.offering(hyphenated.toUpperCase()).uuid()).isEqualTo(u);
    }

    @Test
    void createsTheSeedOrderCosting1_301AndPullsItUntilTheResourceUuidIsPresent() {
        Offering denmark = offering("LUMI Denmark");
        Project project = deic.projects(Query.NONE).get(0);

        Order created = deic.createOrder(new OrderRequest(project.uuid(), denmark.uuid(), denmark.plans().get(0).uuid(),
                seedLimits(), seedAttributes("Resource allocation1")));
        Order pulled = deic.awaitOrder(created.uuid(), OrderWait.RESOURCE, Duration.ofSeconds(30));
        Order done = deic.awaitOrder(created.uuid(), OrderWait.TERMINAL, Duration.ofSeconds(30));

        assertThat(created.cost()).isEqualTo(new BigDecimal("1.3010000000"));
        assertThat(created.type()).isEqualTo(OrderType.CREATE);
        assertThat(created.planName()).isEqualTo("LUMI Common");
        assertThat(created.offeringName()).isEqualTo("LUMI Denmark");
        assertThat(created.limits()).containsOnlyKeys("cpu_k_hours", "gb_k_hours", "gpu_k_hours");
        assertThat(created.limits().get("cpu_k_hours")).isEqualByComparingTo("3");
        assertThat(created.attributes().get("used_ai_tech").toString()).isEqualTo("[\"Deep Learning\",\"Machine Learning\"]");
        assertThat(pulled.marketplaceResourceUuid()).hasSize(32);
        assertThat(done.state()).isEqualTo(OrderState.DONE);
        assertThat(done.cost()).isEqualTo(new BigDecimal("1.3010000000"));
        Resource resource = deic.resource(done.marketplaceResourceUuid());
        assertThat(resource.name()).isEqualTo("Resource allocation1");
        assertThat(resource.state()).isEqualTo(ResourceState.OK);
        assertThat(resource.options().get("is_industry").asBoolean()).isTrue();
        assertThat(resource.options().get("used_ai_tech").toString()).isEqualTo("[\"Deep Learning\",\"Machine Learning\"]");
    }

    @Test
    void approvesByConsumerThenByProvider() {
        Order order = pendingConsumerOrder("approved twice");

        Order afterConsumer = csc.approveOrder(order.uuid(), Reviewer.CONSUMER);
        Order afterProvider = provider.approveOrder(order.uuid(), Reviewer.PROVIDER);
        Order done = csc.awaitOrder(order.uuid(), OrderWait.TERMINAL, Duration.ofSeconds(30));

        assertThat(order.state()).isEqualTo(OrderState.PENDING_CONSUMER);
        assertThat(afterConsumer.state()).isEqualTo(OrderState.PENDING_PROVIDER);
        assertThat(afterProvider.state()).isIn(OrderState.EXECUTING, OrderState.DONE);
        assertThat(done.state()).isEqualTo(OrderState.DONE);
        assertThat(csc.resource(done.marketplaceResourceUuid()).limits().get("gpu_k_hours")).isEqualByComparingTo("2");
    }

    @Test
    void rejectsByConsumer() {
        Order order = pendingConsumerOrder("rejected by consumer");

        Order rejected = csc.rejectOrder(order.uuid(), Reviewer.CONSUMER, "ordered by mistake");

        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(csc.getRaw(WaldurCollection.ORDERS.path(), order.uuid()).get("consumer_rejection_comment").asText())
                .isEqualTo("ordered by mistake");
        assertThat(csc.resource(order.marketplaceResourceUuid()).state()).isEqualTo(ResourceState.TERMINATED);
    }

    @Test
    void rejectsByProvider() {
        Order order = pendingConsumerOrder("rejected by provider");
        csc.approveOrder(order.uuid(), Reviewer.CONSUMER);

        Order rejected = provider.rejectOrder(order.uuid(), Reviewer.PROVIDER, "no capacity");

        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(provider.getRaw(WaldurCollection.ORDERS.path(), order.uuid()).get("provider_rejection_comment").asText())
                .isEqualTo("no capacity");
    }

    @Test
    void approvingAnOrderInTheWrongStateIsAConflict() {
        Order order = pendingConsumerOrder("wrong state");

        assertThatThrownBy(() -> provider.approveOrder(order.uuid(), Reviewer.PROVIDER))
                .isInstanceOf(ConflictException.class)
                .hasMessage("POST /api/marketplace-orders/" + order.uuid() + "/approve_by_provider/ returned HTTP 409: "
                        + "Valid states for operation: pending-provider.");
    }

    @Test
    void waitingGivesUpAtTheDeadlineNamingTheState() {
        Order order = pendingConsumerOrder("never approved");

        assertThatThrownBy(() -> csc.awaitOrder(order.uuid(), OrderWait.TERMINAL, Duration.ofMillis(100)))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("still pending-consumer after 100 ms");
    }

    @Test
    void renamesAndDescribesAResourceWithPut() {
        Resource resource = activeResource("to be renamed");

        ResourceUpdate answer = csc.updateResource(resource.uuid(),
                ResourceUpdate.rename("New resource name", "New resource description"));

        assertThat(answer).isEqualTo(new ResourceUpdate("New resource name", "New resource description", null));
        Resource after = csc.resource(resource.uuid());
        assertThat(after.name()).isEqualTo("New resource name");
        assertThat(after.description()).isEqualTo("New resource description");
    }

    @Test
    void updatesLumiOptionsByShallowMerge() {
        Resource resource = activeResource("options");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("used_ai_tech", List.of("Natural Language Processing"));
        options.put("is_training", true);

        OptionsUpdate answer = csc.updateOptions(resource.uuid(), options);

        assertThat(answer).isEqualTo(new OptionsUpdate("Resource options are submitted", null));
        Resource after = csc.resource(resource.uuid());
        assertThat(after.options().get("used_ai_tech").toString()).isEqualTo("[\"Natural Language Processing\"]");
        assertThat(after.options().get("is_training").asBoolean()).isTrue();
        assertThat(after.options().get("is_industry").asBoolean()).isTrue();
    }

    @Test
    void rejectsAnUnknownAiTechnologyWithTheFieldMessage() {
        Resource resource = activeResource("bad option");

        assertThatThrownBy(() -> csc.updateOptions(resource.uuid(), Map.of("used_ai_tech", List.of("Telepathy"))))
                .isInstanceOfSatisfying(BadRequestException.class, e ->
                        assertThat(e.errors()).isEqualTo(Map.of("used_ai_tech", List.of("\"Telepathy\" is not a valid choice."))));
    }

    @Test
    void terminatesAResourceThroughATerminateOrder() {
        Resource resource = activeResource("to terminate");

        String orderUuid = csc.terminateResource(resource.uuid(), Map.of());
        Order termination = csc.order(orderUuid);
        csc.approveOrder(orderUuid, Reviewer.CONSUMER);
        provider.approveOrder(orderUuid, Reviewer.PROVIDER);
        Order done = csc.awaitOrder(orderUuid, OrderWait.TERMINAL, Duration.ofSeconds(30));

        assertThat(orderUuid).hasSize(32);
        assertThat(termination.type()).isEqualTo(OrderType.TERMINATE);
        assertThat(termination.state()).isEqualTo(OrderState.PENDING_CONSUMER);
        assertThat(termination.cost()).isNull();
        assertThat(termination.marketplaceResourceUuid()).isEqualTo(resource.uuid());
        assertThat(done.state()).isEqualTo(OrderState.DONE);
        assertThat(csc.resource(resource.uuid()).state()).isEqualTo(ResourceState.TERMINATED);
    }

    @Test
    void reportsAndReadsComponentUsage() {
        Resource resource = activeResource("usage");

        provider.setUsage(resource.uuid(), List.of(new UsageReport("cpu_k_hours", new BigDecimal("1.25"), "October")),
                java.time.LocalDate.parse("2026-10-15"));
        provider.setUsage(resource.uuid(), List.of(new UsageReport("cpu_k_hours", new BigDecimal("2.50"), null)),
                java.time.LocalDate.parse("2026-10-20"));

        var usages = csc.componentUsages(Query.of("resource_uuid", resource.uuid()));
        assertThat(usages).hasSize(1);
        assertThat(usages.get(0).usage()).isEqualByComparingTo("2.5");
        assertThat(usages.get(0).billingPeriod()).hasToString("2026-10-01");
    }

    @Test
    void readsCustomersAndProjectsByUuid() {
        Project project = csc.projects(Query.NONE).get(0);

        assertThat(csc.project(project.uuid()).name()).isEqualTo(project.name());
        assertThat(csc.customer(project.customerUuid()).abbreviation()).isEqualTo("CSC");
        assertThat(csc.customers(Query.NONE)).extracting(c -> c.abbreviation()).contains("CSC");
    }

    @Test
    void dryRunsAScriptSynchronously() {
        Offering script = offering("LUMI custom script");

        String output = provider.dryRun(script.uuid(), new DryRunRequest("Create", null, Map.of("name", "probe")));

        assertThat(output).isEqualTo("Dry run of Create for offering LUMI custom script with attributes {\"name\":\"probe\"}");
    }

    @Test
    void dryRunsAScriptAsynchronouslyAndPollsTheResult() {
        Offering script = offering("LUMI custom script");

        String uuid = provider.startDryRun(script.uuid(), new DryRunRequest("Terminate", script.plans().get(0).uuid(), Map.of()));
        DryRun run = provider.awaitDryRun(uuid, Duration.ofSeconds(30));

        assertThat(run.uuid()).isEqualTo(uuid);
        assertThat(run.state()).isEqualTo(DryRun.DONE);
        assertThat(run.stateDisplay()).isEqualTo("done");
        assertThat(run.orderType()).isEqualTo("Terminate");
        assertThat(run.output()).isEqualTo("Dry run of Terminate for offering LUMI custom script with attributes {}");
    }

    @Test
    void dryRunOfANonScriptOfferingIsNotFound() {
        Offering denmark = offering("LUMI Denmark");

        assertThatThrownBy(() -> staff.dryRun(denmark.uuid(), new DryRunRequest("Create", null, Map.of())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageEndingWith("returned HTTP 404: No Offering matches the given query.");
    }
}
