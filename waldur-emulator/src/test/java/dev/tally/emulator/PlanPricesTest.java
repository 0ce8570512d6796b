package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code update_prices} (docs/emulator.md, "Price changes"): a plan in use gets future prices, copied into the prices
 * when the logical clock passes the 1st; a plan nobody uses changes its prices at once.
 */
class PlanPricesTest {
    private Emulator emulator;
    private Api staff;
    private Api provider;

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
        provider = new Api(emulator, emulator.providerToken());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode finlandPlan() {
        JsonNode offering = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0);
        return staff.getJson("/api/marketplace-plans/" + offering.get("plans").get(0).get("uuid").asText() + "/");
    }

    private static JsonNode component(JsonNode plan, String type) {
        for (JsonNode component : plan.get("components")) {
            if (component.get("type").asText().equals(type)) {
                return component;
            }
        }
        throw new AssertionError("no component " + type);
    }

    private HttpResponse<String> updatePrices(Api as, String plan, String body) {
        return as.post("/api/marketplace-plans/" + plan + "/update_prices/", Api.parse(body));
    }

    @Test
    void aPlanInUseGetsFuturePricesThatBecomePricesOnTheFirst() {
        JsonNode plan = finlandPlan();
        String uuid = plan.get("uuid").asText();
        String cpuBefore = component(plan, "cpu_k_hours").get("price").asText();

        HttpResponse<String> response = updatePrices(provider, uuid,
                "{\"prices\": {\"cpu_k_hours\": \"12.5\", \"gpu_k_hours\": 80, \"gb_k_hours\": \"0.002\"}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();

        JsonNode after = staff.getJson("/api/marketplace-plans/" + uuid + "/");
        assertThat(component(after, "cpu_k_hours").get("price").asText()).isEqualTo(cpuBefore);
        assertThat(component(after, "cpu_k_hours").get("future_price").asText()).isEqualTo("12.5000000000");
        assertThat(component(after, "gpu_k_hours").get("future_price").asText()).isEqualTo("80.0000000000");
        assertThat(after.get("future_prices").get("gb_k_hours").decimalValue()).isEqualByComparingTo("0.002");

        emulator.advanceClock(Instant.parse("2026-11-30T23:59:59Z"));
        assertThat(component(staff.getJson("/api/marketplace-plans/" + uuid + "/"), "cpu_k_hours").get("price")
                .asText()).isEqualTo(cpuBefore);

        emulator.advanceClock(Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode december = staff.getJson("/api/marketplace-plans/" + uuid + "/");
        assertThat(component(december, "cpu_k_hours").get("price").asText()).isEqualTo("12.5000000000");
        assertThat(component(december, "cpu_k_hours").get("future_price").asText()).isEqualTo("12.5000000000");
        assertThat(december.get("prices").get("gpu_k_hours").decimalValue()).isEqualByComparingTo("80");
        // The public offering embeds the same plan.
        JsonNode publicPlan = staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0)
                .get("plans").get(0);
        assertThat(component(publicPlan, "gb_k_hours").get("price").asText()).isEqualTo("0.0020000000");
    }

    @Test
    void aPlanNobodyUsesChangesAtOnceAndOmittedComponentsBecomeZero() {
        String unused = null;
        for (JsonNode plan : staff.getJson("/api/marketplace-plans/?page_size=300")) {
            String uuid = plan.get("uuid").asText();
            if (staff.get("/api/marketplace-resources/?plan_uuid=" + uuid).headers().firstValue("X-Result-Count")
                    .orElseThrow().equals("0")) {
                unused = uuid;
                break;
            }
        }
        assertThat(unused).as("a plan without resources").isNotNull();
        JsonNode components = staff.getJson("/api/marketplace-plans/" + unused + "/").get("components");
        String first = components.get(0).get("type").asText();
        assertThat(updatePrices(staff, unused, "{\"prices\": {\"" + first + "\": 7}}").statusCode()).isEqualTo(200);
        JsonNode plan = staff.getJson("/api/marketplace-plans/" + unused + "/");
        assertThat(plan.get("components").get(0).get("price").asText()).isEqualTo("7.0000000000");
        assertThat(plan.get("components").get(0).get("future_price").isNull()).isTrue();
        assertThat(plan.get("prices").get(first).decimalValue()).isEqualByComparingTo("7");
        // PricesUpdateSerializer: future_prices.get(key, 0) for every plan component, so a component left out is 0.
        assertThat(updatePrices(staff, unused, "{\"prices\": {}}").statusCode()).isEqualTo(200);
        assertThat(staff.getJson("/api/marketplace-plans/" + unused + "/").get("components").get(0).get("price")
                .asText()).isEqualTo("0.0000000000");
    }

    @Test
    void permissionsAndBadBodies() {
        String uuid = finlandPlan().get("uuid").asText();
        Api allocator = staff.as(emulator.allocatorTokens().get("CSC – IT Center for Science"));
        assertThat(updatePrices(allocator, uuid, "{\"prices\": {}}").statusCode()).isEqualTo(403);
        assertThat(updatePrices(staff, "0".repeat(32), "{\"prices\": {}}").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = updatePrices(provider, uuid, "{\"prices\": {\"qpu_seconds\": 1, \"abc\": 2}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("[\"Invalid components abc, qpu_seconds.\"]");
        assertThat(updatePrices(provider, uuid, "{}").body()).isEqualTo("{\"prices\":[\"This field is required.\"]}");
        assertThat(updatePrices(provider, uuid, "{\"prices\": {\"cpu_k_hours\": -1}}").body())
                .isEqualTo("{\"prices\":{\"cpu_k_hours\":[\"Ensure this value is greater than or equal to 0.\"]}}");
        assertThat(updatePrices(provider, uuid, "{\"prices\": {\"cpu_k_hours\": \"x\"}}").body())
                .isEqualTo("{\"prices\":{\"cpu_k_hours\":[\"A valid number is required.\"]}}");
        assertThat(updatePrices(provider, uuid, "{\"prices\": {\"cpu_k_hours\": \"0.00000000001\"}}").body())
                .isEqualTo("{\"prices\":{\"cpu_k_hours\":[\"Ensure that there are no more than 10 decimal places.\"]}}");
        assertThatThrownBy(() -> emulator.advanceClock(Instant.parse("2026-10-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
