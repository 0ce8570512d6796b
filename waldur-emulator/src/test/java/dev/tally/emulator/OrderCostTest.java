package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's worked example (puhuri-web resource-allocation-management.md): 3×0.1 + 1×0.001 + 2×0.5 = 1.301. */
class OrderCostTest {
    private static Emulator emulator;
    private static Api staff;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void lumiCommonOrderCosts1301() {
        JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark").get(0);
        JsonNode plan = offering.get("plans").get(0);
        JsonNode project = staff.getJson("/api/projects/?customer=" + offering.get("customer_uuid").asText()
                + "&page_size=1").get(0);
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", offering.get("url").asText());
        body.put("plan", plan.get("url").asText());
        body.putObject("limits").put("cpu_k_hours", 3).put("gb_k_hours", 1).put("gpu_k_hours", 2);
        body.putObject("attributes").put("name", "Resource allocation1");

        HttpResponse<String> response = staff.post("/api/marketplace-orders/", body);

        assertThat(plan.get("name").asText()).isEqualTo("LUMI Common");
        assertThat(plan.get("unit").asText()).isEqualTo("month");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode order = Api.parse(response.body());
        assertThat(order.get("cost").asText()).isEqualTo("1.3010000000");
        assertThat(order.get("type").asText()).isEqualTo("Create");
        assertThat(order.get("plan_name").asText()).isEqualTo("LUMI Common");
        assertThat(response.headers().firstValue("Location"))
                .hasValue(emulator.baseUrl() + "api/marketplace-orders/" + order.get("uuid").asText() + "/");
        JsonNode fetched = staff.getJson("/api/marketplace-orders/" + order.get("uuid").asText() + "/");
        assertThat(fetched.get("cost").asText()).isEqualTo("1.3010000000");
        assertThat(fetched.get("limits").toString()).isEqualTo("{\"cpu_k_hours\":3,\"gb_k_hours\":1,\"gpu_k_hours\":2}");
    }

    @Test
    void differentlyPricedShareUsesItsOwnPlanPrices() {
        JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Switzerland").get(0);
        JsonNode project = staff.getJson("/api/projects/?customer_abbreviation=CSCS&page_size=1").get(0);
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", offering.get("url").asText());
        body.put("plan", offering.get("plans").get(0).get("url").asText());
        body.putObject("limits").put("cpu_k_hours", 3).put("gb_k_hours", 1).put("gpu_k_hours", 2);

        HttpResponse<String> response = staff.post("/api/marketplace-orders/", body);

        // 3×0.12 + 1×0.0015 + 2×0.6
        assertThat(Api.parse(response.body()).get("cost").asText()).isEqualTo("1.5615000000");
    }

    @Test
    void limitsOnUnknownComponentsAreRejected() {
        JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark").get(0);
        JsonNode project = staff.getJson("/api/projects/?page_size=1").get(0);
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", offering.get("url").asText());
        body.put("plan", offering.get("plans").get(0).get("url").asText());
        body.putObject("limits").put("ram", 3);

        HttpResponse<String> response = staff.post("/api/marketplace-orders/", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"limits\":[\"Invalid types: ram\"]}");
    }

    @Test
    void planOfAnotherOfferingIsRejected() {
        JsonNode denmark = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark").get(0);
        JsonNode norway = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Norway").get(0);
        JsonNode project = staff.getJson("/api/projects/?page_size=1").get(0);
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("project", project.get("url").asText());
        body.put("offering", denmark.get("url").asText());
        body.put("plan", denmark.get("url").asText() + "plans/" + norway.get("plans").get(0).get("uuid").asText() + "/");

        HttpResponse<String> response = staff.post("/api/marketplace-orders/", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"plan\":[\"This plan is not available for selected offering.\"]}");
    }
}
