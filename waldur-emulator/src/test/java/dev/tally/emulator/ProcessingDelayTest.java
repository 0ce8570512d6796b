package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessingDelayTest {

    @Test
    void approvedOrderStaysExecutingUntilTheDelayPasses() throws IOException {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults()
                .withOrderProcessingDelay(Duration.ofHours(1)))) {
            Api staff = new Api(emulator, emulator.staffToken());
            JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Poland").get(0);
            JsonNode project = staff.getJson("/api/projects/?customer_abbreviation=PL-Grid&page_size=1").get(0);
            ObjectNode body = Api.JSON.createObjectNode();
            body.put("project", project.get("url").asText());
            body.put("offering", offering.get("url").asText());
            body.put("plan", offering.get("plans").get(0).get("url").asText());
            body.putObject("limits").put("cpu_k_hours", 10);
            String orderPath = "/api/marketplace-orders/"
                    + Api.parse(staff.post("/api/marketplace-orders/", body).body()).get("uuid").asText() + "/";

            staff.post(orderPath + "approve_by_provider/", "{}");

            JsonNode order = staff.getJson(orderPath);
            assertThat(order.get("state").asText()).isEqualTo("executing");
            assertThat(staff.getJson("/api/marketplace-resources/" + order.get("marketplace_resource_uuid").asText()
                    + "/").get("state").asText()).isEqualTo("Creating");
        }
    }
}
