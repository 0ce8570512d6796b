package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed story over HTTP: an allocator orders, the consumer and provider approve, options and usage follow. */
class OrderWorkflowTest {
    private static Emulator emulator;
    private static Api staff;
    private static Api csc;
    private static Api deic;
    private static Api lumi;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
        csc = new Api(emulator, emulator.allocatorTokens().get("CSC – IT Center for Science"));
        deic = new Api(emulator, emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
        lumi = new Api(emulator, emulator.providerToken());
    }

    // Static fields outlive the class's tests: drop them so the dataset can be collected (the test JVM has -Xmx1g).
    @AfterAll
    static void stop() {
        emulator.close();
        emulator = null;
        staff = csc = deic = lumi = null;
    }

    @Test
    void allocatorSeedStoryFromOrderToUsage() {
        JsonNode offering = csc.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland&state=Active"
                + "&shared=true&billable=true").get(0);
        JsonNode project = csc.getJson("/api/projects/?page_size=1").get(0);

        HttpResponse<String> created = csc.post("/api/marketplace-orders/", orderBody(project, offering));
        JsonNode order = Api.parse(created.body());
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(order.get("state").asText()).isEqualTo("pending-consumer");
        assertThat(order.get("cost").asText()).isEqualTo("1.3010000000");
        assertThat(csc.post(orderPath + "approve_by_provider/", "{}").statusCode()).isEqualTo(403);
        assertThat(csc.post(orderPath + "approve_by_consumer/", "{}").statusCode()).isEqualTo(200);
        assertThat(csc.getJson(orderPath).get("state").asText()).isEqualTo("pending-provider");
        HttpResponse<String> again = csc.post(orderPath + "approve_by_consumer/", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"detail\":\"Valid states for operation: pending-consumer.\"}");
        assertThat(lumi.post(orderPath + "approve_by_provider/", "{}").statusCode()).isEqualTo(200);

        JsonNode done = csc.getJson(orderPath);
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("completed_at").isNull()).isFalse();
        String resourcePath = "/api/marketplace-resources/" + done.get("marketplace_resource_uuid").asText() + "/";
        JsonNode resource = csc.getJson(resourcePath);
        assertThat(resource.get("state").asText()).isEqualTo("OK");
        assertThat(resource.get("limits").toString()).isEqualTo("{\"cpu_k_hours\":3,\"gb_k_hours\":1,\"gpu_k_hours\":2}");
        assertThat(resource.get("options").toString()).isEqualTo(
                "{\"used_ai_tech\":[\"Deep Learning\",\"Machine Learning\"],\"is_industry\":true,"
                + "\"is_commercial\":false,\"is_training\":false}");

        HttpResponse<String> options = csc.post(resourcePath + "update_options/",
                "{\"options\": {\"is_training\": true, \"used_ai_tech\": []}}");
        assertThat(options.body()).isEqualTo("{\"status\":\"Resource options are submitted\"}");
        assertThat(csc.getJson(resourcePath).get("options").toString()).isEqualTo(
                "{\"used_ai_tech\":[],\"is_industry\":true,\"is_commercial\":false,\"is_training\":true}");

        String usage = "{\"resource\": \"" + resource.get("uuid").asText() + "\", \"date\": \"2026-11-15T10:00:00Z\","
                + " \"usages\": [{\"type\": \"cpu_k_hours\", \"amount\": %s}]}";
        assertThat(csc.post("/api/marketplace-component-usages/set_usage/", String.format(usage, 1)).statusCode())
                .isEqualTo(403);
        assertThat(lumi.post("/api/marketplace-component-usages/set_usage/", String.format(usage, 1)).statusCode())
                .isEqualTo(201);
        assertThat(lumi.post("/api/marketplace-component-usages/set_usage/", String.format(usage, "2.5"))
                .statusCode()).isEqualTo(201);
        JsonNode usages = csc.getJson("/api/marketplace-component-usages/?resource_uuid="
                + resource.get("uuid").asText());
        assertThat(usages.size()).isEqualTo(1);
        assertThat(usages.get(0).get("usage").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(usages.get(0).get("billing_period").asText()).isEqualTo("2026-11-01");

        HttpResponse<String> terminate = csc.post(resourcePath + "terminate/", "{}");
        assertThat(terminate.statusCode()).isEqualTo(200);
        String terminatePath = "/api/marketplace-orders/" + Api.parse(terminate.body()).get("order_uuid").asText() + "/";
        assertThat(csc.getJson(terminatePath).get("cost").isNull()).isTrue();
        assertThat(csc.post(resourcePath + "terminate/", "{}").body())
                .isEqualTo("[\"Pending order for resource already exists.\"]");
        csc.post(terminatePath + "approve_by_consumer/", "{}");
        lumi.post(terminatePath + "approve_by_provider/", "{}");
        assertThat(csc.getJson(resourcePath).get("state").asText()).isEqualTo("Terminated");
    }

    @Test
    void staffOrderSkipsConsumerReviewAndWaitsForProvider() {
        JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Norway").get(0);
        JsonNode project = staff.getJson("/api/projects/?customer_abbreviation=Sigma2&page_size=1").get(0);

        JsonNode order = Api.parse(staff.post("/api/marketplace-orders/", orderBody(project, offering)).body());
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";

        assertThat(order.get("state").asText()).isEqualTo("pending-provider");
        assertThat(order.get("consumer_reviewed_by").asText()).isEqualTo("staff");
        assertThat(staff.post(orderPath + "approve_by_provider/", "{}").statusCode()).isEqualTo(200);
        assertThat(staff.getJson(orderPath).get("state").asText()).isEqualTo("done");
    }

    @Test
    void ownShareIsAutoApprovedInTheProvidersOwnProjects() {
        JsonNode offering = deic.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark").get(0);
        JsonNode project = deic.getJson("/api/projects/?page_size=1").get(0);

        JsonNode order = Api.parse(deic.post("/api/marketplace-orders/", orderBody(project, offering)).body());

        assertThat(order.get("state").asText()).isEqualTo("done");
    }

    @Test
    void providerRejectionTerminatesTheNewResource() {
        JsonNode offering = csc.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0);
        JsonNode project = csc.getJson("/api/projects/?page_size=1&page=2").get(0);
        JsonNode order = Api.parse(csc.post("/api/marketplace-orders/", orderBody(project, offering)).body());
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";
        csc.post(orderPath + "approve_by_consumer/", "{}");

        HttpResponse<String> rejected = lumi.post(orderPath + "reject_by_provider/",
                "{\"provider_rejection_comment\": \"No capacity\"}");

        assertThat(rejected.statusCode()).isEqualTo(200);
        JsonNode after = csc.getJson(orderPath);
        assertThat(after.get("state").asText()).isEqualTo("rejected");
        assertThat(after.get("provider_rejection_comment").asText()).isEqualTo("No capacity");
        assertThat(csc.getJson("/api/marketplace-resources/" + order.get("marketplace_resource_uuid").asText() + "/")
                .get("state").asText()).isEqualTo("Terminated");
    }

    @Test
    void allocatorSeesOnlyItsOwnOrganisation() {
        String deicCustomer = staff.getJson("/api/customers/?abbreviation=DeiC").get(0).get("uuid").asText();
        JsonNode deicProject = staff.getJson("/api/projects/?customer=" + deicCustomer).get(0);
        JsonNode deicResource = staff.getJson("/api/marketplace-resources/?customer_uuid=" + deicCustomer).get(0);

        assertThat(csc.get("/api/customers/").headers().firstValue("X-Result-Count")).hasValue("1");
        assertThat(csc.getJson("/api/projects/?page_size=300").findValuesAsText("customer_abbreviation"))
                .containsOnly("CSC");
        assertThat(csc.getJson("/api/marketplace-orders/?page_size=300").findValuesAsText("customer_name"))
                .containsOnly("CSC – IT Center for Science");
        assertThat(csc.get("/api/projects/" + deicProject.get("uuid").asText() + "/").body())
                .isEqualTo("{\"detail\":\"No Project matches the given query.\"}");
        assertThat(csc.get("/api/marketplace-resources/" + deicResource.get("uuid").asText() + "/").statusCode())
                .isEqualTo(404);
        assertThat(csc.post("/api/marketplace-orders/", orderBody(deicProject,
                csc.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0))).body())
                .isEqualTo("{\"project\":[\"Invalid hyperlink - Object does not exist.\"]}");
    }

    @Test
    void updateOptionsRejectsUnknownChoices() {
        JsonNode resource = csc.getJson("/api/marketplace-resources/?state=OK&offering_type=Marketplace.Basic"
                + "&page_size=1").get(0);

        HttpResponse<String> response = csc.post("/api/marketplace-resources/" + resource.get("uuid").asText()
                + "/update_options/", "{\"options\": {\"used_ai_tech\": [\"Telepathy\"]}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"used_ai_tech\":[\"\\\"Telepathy\\\" is not a valid choice.\"]}");
    }

    @Test
    void asyncDryRunIsPolledUntilDone() {
        String script = lumi.getJson("/api/marketplace-public-offerings/?type=Marketplace.Script").get(0)
                .get("uuid").asText();

        HttpResponse<String> accepted = lumi.post("/api/marketplace-script-dry-run/" + script + "/async_run/",
                "{\"type\": \"Create\", \"attributes\": {\"name\": \"x\"}}");
        String uuid = Api.parse(accepted.body()).get("uuid").asText();
        JsonNode run = lumi.getJson("/api/marketplace-script-async-dry-run/" + uuid + "/");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(run.get("state").asInt()).isEqualTo(3);
        assertThat(run.get("get_state_display").asText()).isEqualTo("done");
        assertThat(csc.post("/api/marketplace-script-dry-run/" + script + "/run/", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void providerSideViewsFollowTheOrderAndTheResource() {
        JsonNode offering = csc.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0);
        JsonNode project = csc.getJson("/api/projects/?page_size=1&page=3").get(0);
        String resources = "/api/marketplace-provider-resources/?offering_uuid=" + offering.get("uuid").asText();
        int all = count(lumi, resources);
        int pending = count(lumi, resources + "&order_state=pending-provider");
        int terminated = count(lumi, resources + "&state=Terminated");

        JsonNode order = Api.parse(csc.post("/api/marketplace-orders/", orderBody(project, offering)).body());
        String orderPath = "/api/marketplace-orders/" + order.get("uuid").asText() + "/";
        csc.post(orderPath + "approve_by_consumer/", "{}");
        String uuid = order.get("marketplace_resource_uuid").asText();

        assertThat(count(lumi, resources)).isEqualTo(all + 1);
        assertThat(count(lumi, resources + "&order_state=pending-provider")).isEqualTo(pending + 1);
        assertThat(lumi.getJson("/api/marketplace-provider-resources/" + uuid + "/").get("state").asText())
                .isEqualTo("Creating");
        assertThat(csc.get("/api/marketplace-provider-resources/" + uuid + "/").statusCode()).isEqualTo(404);

        lumi.post(orderPath + "approve_by_provider/", "{}");
        JsonNode asProvider = lumi.getJson("/api/marketplace-provider-resources/" + uuid + "/");
        assertThat(asProvider).isEqualTo(csc.getJson("/api/marketplace-resources/" + uuid + "/"));
        assertThat(asProvider.get("state").asText()).isEqualTo("OK");
        assertThat(count(lumi, resources + "&order_state=pending-provider")).isEqualTo(pending);
        assertThat(lumi.getJson("/api/marketplace-provider-offerings/" + offering.get("uuid").asText() + "/")
                .get("total_customers").asInt()).isEqualTo(1);
        assertThat(count(lumi, "/api/marketplace-provider-offerings/?resource_project_uuid="
                + project.get("uuid").asText())).isGreaterThanOrEqualTo(1);

        String terminate = Api.parse(csc.post("/api/marketplace-resources/" + uuid + "/terminate/", "{}").body())
                .get("order_uuid").asText();
        csc.post("/api/marketplace-orders/" + terminate + "/approve_by_consumer/", "{}");
        lumi.post("/api/marketplace-orders/" + terminate + "/approve_by_provider/", "{}");
        assertThat(count(lumi, resources + "&state=Terminated")).isEqualTo(terminated + 1);
        assertThat(count(lumi, resources)).isEqualTo(all + 1);
    }

    private static int count(Api api, String pathAndQuery) {
        HttpResponse<String> response = api.head(pathAndQuery);
        assertThat(response.statusCode()).as("HEAD " + pathAndQuery).isEqualTo(200);
        return Integer.parseInt(response.headers().firstValue("X-Result-Count").orElseThrow());
    }

    private static ObjectNode orderBody(JsonNode project, JsonNode offering) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", offering.get("url").asText());
        body.put("plan", offering.get("plans").get(0).get("url").asText());
        body.putObject("limits").put("cpu_k_hours", 3).put("gb_k_hours", 1).put("gpu_k_hours", 2);
        ObjectNode attributes = body.putObject("attributes");
        attributes.put("name", "Resource allocation1");
        attributes.putArray("used_ai_tech").add("Deep Learning").add("Machine Learning");
        attributes.put("is_industry", true).put("is_commercial", false).put("is_training", false);
        return body;
    }
}
