package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pending-project and pending-start-date, order PUT/PATCH, switch_plan, plan_periods and set_usage by plan_period,
 * over HTTP on an emulator of its own (as of 2026-11-01).
 */
class OrderUpdateAndPlanTest {
    private static Emulator emulator;
    private static Api staff;
    private static Api csc;
    private static Api deic;
    private static Api lumi;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
        csc = staff.as(emulator.allocatorTokens().get("CSC – IT Center for Science"));
        deic = staff.as(emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
        lumi = staff.as(emulator.providerToken());
    }

    // Static fields outlive the class's tests: drop them so the dataset can be collected (the test JVM has -Xmx1g).
    @AfterAll
    static void stop() {
        emulator.close();
        emulator = null;
        staff = csc = deic = lumi = null;
    }

    @Test
    void futureProjectStartDateParksTheOrderInPendingProjectUntilTheProjectStarts() {
        JsonNode customer = csc.getJson("/api/customers/").get(0);
        JsonNode project = Api.parse(csc.post("/api/projects/", "{\"customer\": \"" + customer.get("url").asText()
                + "\", \"name\": \"Starts in December\", \"start_date\": \"2026-12-01\"}").body());
        JsonNode order = create(csc, project, offering("LUMI Finland"), null);
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";

        assertThat(csc.post(orderPath + "approve_by_consumer/", "{}").statusCode()).isEqualTo(200);

        assertThat(state(orderPath)).isEqualTo("pending-project");
        HttpResponse<String> early = lumi.post(orderPath + "approve_by_provider/", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).isEqualTo("{\"detail\":\"Valid states for operation: pending-provider.\"}");
        assertThat(count("?state=pending-project&project_uuid=" + project.get("uuid").asText())).isEqualTo(1);
        assertThat(count("?can_approve_as_provider=true&project_uuid=" + project.get("uuid").asText())).isZero();

        String projectPath = "/api/projects/" + project.get("uuid").asText() + "/";
        csc.method("PATCH", projectPath, "{\"start_date\": \"2026-11-15\"}");
        assertThat(state(orderPath)).isEqualTo("pending-project");
        assertThat(csc.method("PATCH", projectPath, "{\"start_date\": \"2026-11-01\"}").statusCode()).isEqualTo(200);

        assertThat(state(orderPath)).isEqualTo("pending-provider");
        assertThat(lumi.post(orderPath + "approve_by_provider/", "{}").statusCode()).isEqualTo(200);
        assertThat(state(orderPath)).isEqualTo("done");
    }

    @Test
    void orderStartDateInTheFutureWaitsInPendingStartDate() {
        JsonNode project = deic.getJson("/api/projects/?page_size=1&page=3").get(0);

        JsonNode order = create(deic, project, offering("LUMI Denmark"), "2026-12-24");
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";
        String resourcePath = "/api/marketplace-resources/" + order.get("marketplace_resource_uuid").asText() + "/";

        assertThat(order.get("state").asText()).isEqualTo("pending-start-date");
        assertThat(order.get("start_date").asText()).isEqualTo("2026-12-24");
        assertThat(deic.getJson(resourcePath).get("state").asText()).isEqualTo("Creating");
        HttpResponse<String> patched = deic.method("PATCH", orderPath, "{\"start_date\": \"2026-11-01\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Api.parse(patched.body()).get("start_date").asText()).isEqualTo("2026-11-01");
        assertThat(state(orderPath)).isEqualTo("done");
        assertThat(deic.getJson(resourcePath).get("state").asText()).isEqualTo("OK");
    }

    @Test
    void patchOfLimitsRecomputesTheOrderCost() {
        JsonNode order = create(csc, csc.getJson("/api/projects/?page_size=1&page=4").get(0), offering("LUMI Finland"),
                null);
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";

        HttpResponse<String> patched = csc.method("PATCH", orderPath,
                "{\"limits\": {\"cpu_k_hours\": 30, \"gb_k_hours\": 10, \"gpu_k_hours\": 20}}");

        assertThat(order.get("cost").asText()).isEqualTo("1.3010000000");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).isEqualTo("{\"limits\":{\"cpu_k_hours\":30,\"gb_k_hours\":10,\"gpu_k_hours\":20},"
                + "\"attributes\":{\"name\":\"Scheduled allocation\"},\"start_date\":null}");
        JsonNode after = csc.getJson(orderPath);
        assertThat(after.get("cost").asText()).isEqualTo("13.0100000000");
        assertThat(after.get("new_cost_estimate").asText()).isEqualTo("13.0100000000");
        assertThat(after.get("state").asText()).isEqualTo("pending-consumer");
    }

    @Test
    void putReplacesAttributesAndLeavesOtherFieldsAlone() {
        JsonNode order = create(csc, csc.getJson("/api/projects/?page_size=1&page=5").get(0), offering("LUMI Finland"),
                "2027-01-01");
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";

        HttpResponse<String> put = csc.method("PUT", orderPath, "{\"attributes\": {\"name\": \"Renamed\"}}");

        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode after = csc.getJson(orderPath);
        assertThat(after.get("attributes").toString()).isEqualTo("{\"name\":\"Renamed\"}");
        assertThat(after.get("limits").toString()).isEqualTo("{\"cpu_k_hours\":3,\"gb_k_hours\":1,\"gpu_k_hours\":2}");
        assertThat(after.get("start_date").asText()).isEqualTo("2027-01-01");
    }

    @Test
    void orderUpdateIsRefusedOutsidePendingStatesAndToOthers() {
        JsonNode order = create(csc, csc.getJson("/api/projects/?page_size=1&page=6").get(0), offering("LUMI Finland"),
                null);
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";
        String done = staff.getJson("/api/marketplace-orders/?state=done&customer_uuid="
                + order.get("customer_uuid").asText()).get(0).get("uuid").asText();

        HttpResponse<String> asProvider = lumi.method("PATCH", orderPath, "{\"attributes\": {}}");
        HttpResponse<String> asOther = deic.method("PATCH", orderPath, "{\"attributes\": {}}");
        HttpResponse<String> doneOrder = csc.method("PATCH", "/api/marketplace-orders/" + done + "/", "{}");
        HttpResponse<String> badLimits = csc.method("PATCH", orderPath, "{\"limits\": {\"ram\": 1}}");
        HttpResponse<String> badDate = csc.method("PATCH", orderPath, "{\"start_date\": \"next week\"}");

        assertThat(asProvider.statusCode()).isEqualTo(403);
        assertThat(asProvider.body())
                .isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
        assertThat(asOther.statusCode()).isEqualTo(404);
        assertThat(asOther.body()).isEqualTo("{\"detail\":\"No Order matches the given query.\"}");
        assertThat(doneOrder.statusCode()).isEqualTo(409);
        assertThat(doneOrder.body()).isEqualTo("{\"detail\":\"Valid states for operation: pending-consumer, "
                + "pending-provider, pending-project, pending-start-date.\"}");
        assertThat(badLimits.statusCode()).isEqualTo(400);
        assertThat(badLimits.body()).isEqualTo("{\"limits\":[\"Invalid types: ram\"]}");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).isEqualTo(
                "{\"start_date\":[\"Date has wrong format. Use one of these formats instead: YYYY-MM-DD.\"]}");
        assertThat(csc.getJson(orderPath).get("attributes").toString()).isEqualTo("{\"name\":\"Scheduled allocation\"}");
    }

    @Test
    void switchPlanCreatesAnUpdateOrderWithThePlan() {
        JsonNode offering = offering("LUMI Finland");
        String resource = approvedResource(csc.getJson("/api/projects/?page_size=1&page=7").get(0), offering);
        String resourcePath = "/api/marketplace-resources/" + resource + "/";
        String plan = offering.get("plans").get(0).get("url").asText();

        HttpResponse<String> foreign = csc.post(resourcePath + "switch_plan/",
                "{\"plan\": \"" + offering("LUMI Sweden").get("plans").get(0).get("url").asText() + "\"}");
        HttpResponse<String> missing = csc.post(resourcePath + "switch_plan/", "{}");
        HttpResponse<String> switched = csc.post(resourcePath + "switch_plan/", "{\"plan\": \"" + plan + "\"}");
        HttpResponse<String> again = csc.post(resourcePath + "switch_plan/", "{\"plan\": \"" + plan + "\"}");

        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).isEqualTo("{\"plan\":[\"Plan is not available for this offering.\"]}");
        assertThat(missing.body()).isEqualTo("{\"plan\":[\"This field is required.\"]}");
        assertThat(switched.statusCode()).isEqualTo(200);
        String orderUuid = Api.parse(switched.body()).get("order_uuid").asText();
        assertThat(switched.body()).isEqualTo("{\"order_uuid\":\"" + orderUuid + "\"}");
        JsonNode order = csc.getJson("/api/marketplace-orders/" + orderUuid + "/");
        assertThat(order.get("type").asText()).isEqualTo("Update");
        assertThat(order.get("state").asText()).isEqualTo("pending-consumer");
        assertThat(order.get("plan_name").asText()).isEqualTo("LUMI Common");
        assertThat(order.get("old_plan_uuid").asText()).isEqualTo(order.get("plan_uuid").asText());
        assertThat(order.get("limits").toString()).isEqualTo("{\"cpu_k_hours\":3,\"gb_k_hours\":1,\"gpu_k_hours\":2}");
        assertThat(order.get("cost").asText()).isEqualTo("1.3010000000");
        assertThat(order.get("old_cost_estimate").decimalValue()).isEqualByComparingTo("1.301");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("[\"Pending order for resource already exists.\"]");
    }

    @Test
    void switchPlanNeedsAnOkResourceAndAnActor() {
        JsonNode terminated = staff.getJson("/api/marketplace-resources/?state=Terminated&customer_uuid="
                + csc.getJson("/api/customers/").get(0).get("uuid").asText()).get(0);
        JsonNode foreign = staff.getJson("/api/marketplace-resources/?state=OK&customer_uuid="
                + deic.getJson("/api/customers/").get(0).get("uuid").asText()).get(0);
        String body = "{\"plan\": \"" + offering("LUMI Finland").get("plans").get(0).get("url").asText() + "\"}";

        HttpResponse<String> wrongState = csc.post("/api/marketplace-resources/" + terminated.get("uuid").asText()
                + "/switch_plan/", body);
        HttpResponse<String> invisible = csc.post("/api/marketplace-resources/" + foreign.get("uuid").asText()
                + "/switch_plan/", body);

        assertThat(wrongState.statusCode()).isEqualTo(409);
        assertThat(wrongState.body()).isEqualTo("{\"detail\":\"Valid states for operation: OK.\"}");
        assertThat(invisible.statusCode()).isEqualTo(404);
    }

    @Test
    void planPeriodCarriesThisMonthsUsageReportedThroughIt() {
        String resource = approvedResource(csc.getJson("/api/projects/?page_size=1&page=8").get(0),
                offering("LUMI Finland"));
        String periodsPath = "/api/marketplace-resources/" + resource + "/plan_periods/";
        JsonNode before = csc.getJson(periodsPath);
        String period = before.get(0).get("uuid").asText();
        JsonNode created = csc.getJson("/api/marketplace-resources/" + resource + "/").get("created");

        HttpResponse<String> reported = lumi.post("/api/marketplace-component-usages/set_usage/",
                "{\"plan_period\": \"" + period + "\", \"usages\": [{\"type\": \"gpu_k_hours\", \"amount\": \"12.5\","
                        + " \"description\": \"November\"}]}");
        JsonNode after = csc.getJson(periodsPath);

        assertThat(before.size()).isEqualTo(1);
        assertThat(before.get(0).get("plan_name").asText()).isEqualTo("LUMI Common");
        assertThat(before.get(0).get("start").asText()).isEqualTo(created.asText());
        assertThat(before.get(0).get("end").isNull()).isTrue();
        assertThat(before.get(0).get("components").size()).isZero();
        assertThat(reported.statusCode()).isEqualTo(201);
        assertThat(after.get(0).get("uuid").asText()).isEqualTo(period);
        JsonNode component = after.get(0).get("components").get(0);
        assertThat(component.get("type").asText()).isEqualTo("gpu_k_hours");
        assertThat(component.get("usage").asText()).isEqualTo("12.50");
        assertThat(component.get("description").asText()).isEqualTo("November");
        JsonNode usages = csc.getJson("/api/marketplace-component-usages/?resource_uuid=" + resource);
        assertThat(usages.size()).isEqualTo(1);
        assertThat(usages.get(0).get("billing_period").asText()).isEqualTo("2026-11-01");
        assertThat(usages.get(0).get("usage").decimalValue()).isEqualByComparingTo("12.5");
    }

    @Test
    void planPeriodsAndSetUsageRefuseWhatTheyShould() {
        String resource = approvedResource(csc.getJson("/api/projects/?page_size=1&page=9").get(0),
                offering("LUMI Finland"));
        String periodsPath = "/api/marketplace-resources/" + resource + "/plan_periods/";
        String period = csc.getJson(periodsPath).get(0).get("uuid").asText();
        String usage = "{\"plan_period\": \"%s\", \"usages\": [{\"type\": \"cpu_k_hours\", \"amount\": 1}]}";

        HttpResponse<String> unknown = lumi.post("/api/marketplace-component-usages/set_usage/",
                String.format(usage, "00000000000000000000000000000001"));
        HttpResponse<String> malformed = lumi.post("/api/marketplace-component-usages/set_usage/",
                String.format(usage, "p1"));
        HttpResponse<String> consumer = csc.post("/api/marketplace-component-usages/set_usage/",
                String.format(usage, period));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo(
                "{\"plan_period\":[\"Object with uuid=00000000000000000000000000000001 does not exist.\"]}");
        assertThat(malformed.body()).isEqualTo("{\"plan_period\":[\"Must be a valid UUID.\"]}");
        assertThat(consumer.statusCode()).isEqualTo(403);
        assertThat(deic.get(periodsPath).statusCode()).isEqualTo(404);
        assertThat(csc.post(periodsPath, "{}").statusCode()).isEqualTo(405);
        assertThat(csc.getJson(periodsPath).get(0).get("components").size()).isZero();
    }

    @Test
    void terminatedLongAgoHasNoCurrentPlanPeriod() {
        JsonNode terminated = staff.getJson("/api/marketplace-resources/?state=Terminated&o=created").get(0);

        JsonNode periods = staff.getJson("/api/marketplace-resources/" + terminated.get("uuid").asText()
                + "/plan_periods/");

        assertThat(terminated.get("modified").asText()).isLessThan("2026-11-01");
        assertThat(periods.size()).isZero();
    }

    private static String approvedResource(JsonNode project, JsonNode offering) {
        JsonNode order = create(csc, project, offering, null);
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";
        csc.post(orderPath + "approve_by_consumer/", "{}");
        lumi.post(orderPath + "approve_by_provider/", "{}");
        assertThat(state(orderPath)).isEqualTo("done");
        return order.get("marketplace_resource_uuid").asText();
    }

    private static JsonNode create(Api api, JsonNode project, JsonNode offering, String startDate) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", offering.get("url").asText());
        body.put("plan", offering.get("plans").get(0).get("url").asText());
        body.putObject("limits").put("cpu_k_hours", 3).put("gb_k_hours", 1).put("gpu_k_hours", 2);
        body.putObject("attributes").put("name", "Scheduled allocation");
        if (startDate != null) {
            body.put("start_date", startDate);
        }
        HttpResponse<String> response = api.post("/api/marketplace-orders/", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.parse(response.body());
    }

    private static JsonNode offering(String name) {
        return staff.getJson("/api/marketplace-public-offerings/?name_exact=" + name.replace(" ", "%20")).get(0);
    }

    private static String state(String orderPath) {
        return staff.getJson(orderPath).get("state").asText();
    }

    private static int count(String query) {
        return Integer.parseInt(staff.head("/api/marketplace-orders/" + query).headers()
                .firstValue("X-Result-Count").orElseThrow());
    }
}
