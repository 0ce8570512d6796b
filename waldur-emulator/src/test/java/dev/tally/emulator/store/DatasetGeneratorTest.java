package dev.tally.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {
    private static Store store;

    @BeforeAll
    static void generate() {
        store = DatasetGenerator.generate(42, 1, Instant.parse("2026-11-01T00:00:00Z"),
                "5aff0000000000000000000000000000000000ff");
    }

    @Test
    void scaleOneHasLumiSizedCollections() {
        assertThat(store.customers().size()).isEqualTo(11);
        assertThat(store.offerings().size()).isEqualTo(13 + 7);
        assertThat(store.projects().size()).isEqualTo(2500);
        assertThat(store.resources().size()).isEqualTo(4000);
        assertThat(store.orders().size()).isEqualTo(EXPECTED_ORDERS);
        assertThat(store.usages().size()).isEqualTo(EXPECTED_USAGES);
    }

    @Test
    void everyOrderTypeAndStateOccurs() {
        Map<String, Long> byType = store.orders().rows().stream()
                .collect(Collectors.groupingBy(o -> o.text("type"), Collectors.counting()));
        Map<String, Long> byState = store.orders().rows().stream()
                .collect(Collectors.groupingBy(o -> o.text("state"), Collectors.counting()));

        assertThat(byType).containsOnlyKeys("Create", "Update", "Terminate");
        assertThat(byType.get("Create")).isEqualTo(4000L);
        assertThat(byState).containsKeys("pending-consumer", "pending-provider", "executing", "done", "erred",
                "canceled", "rejected");
    }

    @Test
    void resourceLimitsFollowTheirLastDoneOrderExceptTheDeliberateDrifts() {
        Map<String, JsonRow> lastDone = new HashMap<>();
        for (JsonRow order : store.orders().rows()) {
            if (order.text("state").equals("done") && !order.text("type").equals("Terminate")) {
                lastDone.put(order.text("marketplace_resource_uuid"), order);
            }
        }
        long mismatches = store.resources().rows().stream()
                .filter(r -> lastDone.containsKey(r.uuid()))
                .filter(r -> !r.get("limits").equals(lastDone.get(r.uuid()).get("limits")))
                .count();

        assertThat(mismatches).isEqualTo(EXPECTED_DRIFTS);
    }

    @Test
    void terminatedResourcesHaveADoneTerminateOrFailedCreate() {
        Map<String, List<JsonRow>> ordersByResource = store.orders().rows().stream()
                .collect(Collectors.groupingBy(o -> o.text("marketplace_resource_uuid")));
        for (JsonRow resource : store.resources().rows()) {
            if (!resource.text("state").equals("Terminated")) {
                continue;
            }
            List<JsonRow> orders = ordersByResource.get(resource.uuid());
            boolean terminated = orders.stream().anyMatch(o -> o.text("type").equals("Terminate")
                    && o.text("state").equals("done"));
            boolean createFailed = orders.stream().anyMatch(o -> o.text("type").equals("Create")
                    && (o.text("state").equals("rejected") || o.text("state").equals("canceled")));
            assertThat(terminated || createFailed).as(resource.uuid()).isTrue();
        }
    }

    @Test
    void orderCostsFollowTheEstimateAndDoneOrdersAreCompleted() {
        for (JsonRow order : store.orders().rows()) {
            JsonNode cost = order.get("cost");
            if (order.text("type").equals("Terminate")) {
                assertThat(cost.isNull()).isTrue();
            } else {
                JsonRow offering = store.offerings().find(order.text("offering_uuid")).orElseThrow();
                JsonRow plan = store.plan(order.text("plan_uuid")).orElseThrow();
                BigDecimal expected = Cost.estimate(offering.node(), plan.node(), order.get("limits"));
                assertThat(new BigDecimal(cost.asText())).isEqualByComparingTo(expected);
                assertThat(cost.asText()).matches("\\d+\\.\\d{10}");
            }
            if (order.text("state").equals("done")) {
                assertThat(order.text("completed_at")).isNotNull();
            }
        }
    }

    @Test
    void resourceIsCreatedRightAfterItsCreateOrder() {
        Map<String, JsonRow> creates = store.orders().rows().stream().filter(o -> o.text("type").equals("Create"))
                .collect(Collectors.toMap(o -> o.text("marketplace_resource_uuid"), o -> o));
        for (JsonRow resource : store.resources().rows()) {
            Instant orderCreated = Instant.parse(creates.get(resource.uuid()).text("created"));
            Instant resourceCreated = Instant.parse(resource.text("created"));
            assertThat(resourceCreated).isBetween(orderCreated, orderCreated.plusSeconds(1));
        }
    }

    @Test
    void usagesCoverAtMostTheTwentyFourMonthsBeforeAsOf() {
        assertThat(store.usages().rows().get(0).billingPeriod().toString()).isEqualTo("2026-10-01");
        assertThat(store.usages().rows().get(store.usages().size() - 1).billingPeriod().toString())
                .isEqualTo("2024-11-01");
    }

    @Test
    void optionsShapesVary() {
        Map<String, Long> shapes = store.resources().rows().stream().collect(Collectors.groupingBy(r -> {
            JsonNode options = r.get("options");
            if (options.isNull()) {
                return "null";
            }
            if (options.isEmpty()) {
                return "empty";
            }
            JsonNode ai = options.get("used_ai_tech");
            return ai == null ? "no-ai" : ai.size() == 0 ? "ai-empty" : ai.size() == 1 ? "ai-single" : "ai-multi";
        }, Collectors.counting()));

        assertThat(shapes).containsOnlyKeys("null", "empty", "no-ai", "ai-empty", "ai-single", "ai-multi");
    }

    // Pinned for seed 42: any change to the generator's random stream shows up here on purpose.
    private static final long EXPECTED_ORDERS = 6077;
    private static final long EXPECTED_USAGES = 97331;
    /** Resources whose limits drifted from their last done order (index % 997 == 500), kept rare on purpose. */
    private static final long EXPECTED_DRIFTS = 4;
}
