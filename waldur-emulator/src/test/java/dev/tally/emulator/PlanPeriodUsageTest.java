package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.emulator.store.Quirk;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Usage per plan period (docs/emulator.md, "Usage reports"): a plan switch opens a second period, set_usage upserts
 * per period, and at the 1st a recurring usage is copied into the new month with its period.
 */
class PlanPeriodUsageTest {
    private Emulator emulator;
    private Api staff;

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.SECOND_PLAN));
        staff = new Api(emulator, emulator.staffToken());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String post(String path, String body) {
        HttpResponse<String> response = staff.post(path, Api.parse(body));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
        return response.body();
    }

    private JsonNode denmark() {
        return staff.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark").get(0);
    }

    /** A new LUMI Common allocation of LUMI Denmark, done (staff skip the consumer review; the provider approves). */
    private String allocation() {
        JsonNode order = Api.parse(post("/api/marketplace-orders/",
                staff.order(denmark(), 0, "Two periods", 100, 10, 1000).toString()));
        post("/api/marketplace-orders/" + order.get("uuid").asText() + "/approve_by_provider/", "{}");
        return staff.getJson("/api/marketplace-orders/" + order.get("uuid").asText() + "/")
                .get("marketplace_resource_uuid").asText();
    }

    private void switchToSecondPlan(String resource) {
        JsonNode second = denmark().get("plans").get(1);
        assertThat(second.get("name").asText()).isEqualTo("LUMI Common 2027");
        post("/api/marketplace-resources/" + resource + "/switch_plan/", "{\"plan\": \"" + second.get("url").asText()
                + "\"}");
        String update = staff.getJson("/api/marketplace-orders/?type=Update&resource_uuid=" + resource).get(0)
                .get("uuid").asText();
        post("/api/marketplace-orders/" + update + "/approve_by_provider/", "{}");
    }

    private void report(String resource, String type, int amount, boolean recurring) {
        post("/api/marketplace-component-usages/set_usage/", "{\"resource\": \"" + resource + "\", \"usages\": [{\"type\": \""
                + type + "\", \"amount\": " + amount + ", \"recurring\": " + recurring + "}]}");
    }

    private List<String> usages(String resource, String type, String month) {
        List<String> out = new ArrayList<>();
        for (JsonNode u : staff.getJson("/api/marketplace-component-usages/?resource_uuid=" + resource + "&type=" + type
                + "&billing_period=" + month + "-01&o=usage")) {
            out.add(u.get("usage").asText() + (u.get("recurring").asBoolean() ? " recurring" : ""));
        }
        return out;
    }

    @Test
    void aPlanSwitchOpensASecondPeriodWhoseUsageIsARecordOfItsOwn() {
        String resource = allocation();
        report(resource, "cpu_k_hours", 30, false);
        switchToSecondPlan(resource);
        report(resource, "cpu_k_hours", 12, false);
        report(resource, "cpu_k_hours", 15, false);

        // one record per period: 30 in the first, 15 (which replaced 12) in the second
        assertThat(usages(resource, "cpu_k_hours", "2026-11")).containsExactly("15", "30");
        JsonNode periods = staff.getJson("/api/marketplace-resources/" + resource + "/plan_periods/");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("plan_name").asText()).isEqualTo("LUMI Common");
        assertThat(periods.get(0).get("end").asText()).isEqualTo(periods.get(1).get("start").asText());
        assertThat(periods.get(1).get("plan_name").asText()).isEqualTo("LUMI Common 2027");
        assertThat(periods.get(1).get("end").isNull()).isTrue();
        assertThat(periods.get(0).get("components").get(0).get("usage").asText()).isEqualTo("30.00");
        assertThat(periods.get(1).get("components").get(0).get("usage").asText()).isEqualTo("15.00");
    }

    @Test
    void aRecurringUsageIsCopiedIntoTheNewMonthAndALaterReportOfThatPeriodReplacesTheCopy() {
        String resource = allocation();
        report(resource, "gb_k_hours", 500, true);

        emulator.advanceClock(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(usages(resource, "gb_k_hours", "2026-12")).containsExactly("500 recurring");
        assertThat(usages(resource, "gb_k_hours", "2026-11")).containsExactly("500 recurring");

        report(resource, "gb_k_hours", 700, false);
        assertThat(usages(resource, "gb_k_hours", "2026-12")).containsExactly("700");
    }

    @Test
    void aRecurringUsageOfAnEndedPeriodIsStillCopiedBesideTheNewPeriodsReport() {
        // November: 500 recurring in the first period, then the switch; no report in the second period that month
        String resource = allocation();
        report(resource, "gb_k_hours", 500, true);
        switchToSecondPlan(resource);

        emulator.advanceClock(Instant.parse("2026-12-01T00:00:00Z"));
        // Waldur copies it under the first period, which ended in November; December's report goes to the second
        report(resource, "gb_k_hours", 700, false);

        assertThat(usages(resource, "gb_k_hours", "2026-12")).containsExactly("500", "700");
        assertThat(staff.getJson("/api/marketplace-resources/" + resource + "/plan_periods/")).hasSize(1);
    }
}
