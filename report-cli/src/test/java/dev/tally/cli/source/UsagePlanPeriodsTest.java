package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.store.Quirk;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than one usage record for one resource, component and month, over loopback HTTP (docs/definitions.md, "Usage
 * and utilisation"). A LUMI Denmark allocation reports cpu 30 in November, switches plan (a second plan period),
 * then reports cpu 12 and 15 (the same record, replaced): November's cpu is 30 + 15 = 45, where "the latest report
 * wins" would say 15. It also reports storage 500 as recurring before the switch; Waldur copies that into December
 * under the ended first period, and December's report of 700 goes to the second: December's storage is 700, where
 * adding up every record would say 1200.
 */
class UsagePlanPeriodsTest {
    @TempDir
    static Path dir;
    private static Dataset dataset;
    private static String resource;

    @BeforeAll
    static void harvestAfterASwitchAndAMonthStart() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.SECOND_PLAN))) {
            Http http = new Http(emulator);
            String offering = http.get("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark&field=url");
            String offeringUrl = field(offering, "url");
            String plans = http.get("/api/marketplace-public-offerings/?name_exact=LUMI%20Denmark&field=plans");
            String project = field(http.get("/api/projects/?page_size=1&field=url"), "url");
            String order = http.post("/api/marketplace-orders/", "{\"project\": \"" + project + "\", \"offering\": \""
                    + offeringUrl + "\", \"plan\": \"" + planUrl(plans, 0) + "\", \"limits\": {\"cpu_k_hours\": 100,"
                    + " \"gpu_k_hours\": 10, \"gb_k_hours\": 1000}, \"attributes\": {\"name\": \"two periods\"}}");
            String orderUuid = field(order, "uuid");
            http.post("/api/marketplace-orders/" + orderUuid + "/approve_by_provider/", "{}");
            resource = field(http.get("/api/marketplace-orders/" + orderUuid + "/"), "marketplace_resource_uuid");

            http.usage(resource, "cpu_k_hours", 30, false);
            http.usage(resource, "gb_k_hours", 500, true);
            http.post("/api/marketplace-resources/" + resource + "/switch_plan/", "{\"plan\": \"" + planUrl(plans, 1)
                    + "\"}");
            String update = field(http.get("/api/marketplace-orders/?type=Update&resource_uuid=" + resource), "uuid");
            http.post("/api/marketplace-orders/" + update + "/approve_by_provider/", "{}");
            http.usage(resource, "cpu_k_hours", 12, false);
            http.usage(resource, "cpu_k_hours", 15, false);

            emulator.advanceClock(Instant.parse("2026-12-01T00:00:00Z"));
            http.usage(resource, "gb_k_hours", 700, false);

            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
            Path out = dir.resolve("snapshot");
            new Harvester(new WaldurClient(config), "test", emulator.clock())
                    .harvest(out, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
            dataset = new FactBuilder(CountryResolver.standard()).dataset(Snapshot.open(out));
        }
    }

    private static BigDecimal usage(String component, String month) {
        List<List<Object>> rows = QueryEngine.run(dataset, Query.builder(Period.parse(month)).dimensions("allocation")
                .measures("usage." + component).filter("allocation = '" + resource + "'").build()).rows();
        return (BigDecimal) rows.get(0).get(1);
    }

    private static List<Finding> about(FindingKind kind) {
        return DataQuality.check(dataset).stream().filter(f -> f.kind() == kind && f.subject().equals(resource))
                .toList();
    }

    @Test
    void theRecordsOfBothPlanPeriodsAddUp() {
        assertThat(usage("cpu_k_hours", "2026-11")).isEqualByComparingTo("45");
        assertThat(about(FindingKind.USAGE_PLAN_PERIODS)).extracting(Finding::message).containsExactly("resource "
                + resource + " has 2 usage records for cpu_k_hours in 2026-11, one per plan period (its plan switched"
                + " that month); they add up to 45");
    }

    @Test
    void aRecurringCopyOfAnEndedPeriodGivesWayToTheMonthsReport() {
        assertThat(usage("gb_k_hours", "2026-11")).isEqualByComparingTo("500");
        assertThat(usage("gb_k_hours", "2026-12")).isEqualByComparingTo("700");
        assertThat(about(FindingKind.DUPLICATE_USAGE)).extracting(Finding::message).containsExactly("2 usage reports"
                + " for gb_k_hours in 2026-12 of resource " + resource + "; the latest (700) counts");
    }

    // --- a few raw calls as staff; the client has no method for the provider's side of these
    private record Http(Emulator emulator) {
        String get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        String post(String path, String body) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        void usage(String resource, String type, int amount, boolean recurring) throws Exception {
            post("/api/marketplace-component-usages/set_usage/", "{\"resource\": \"" + resource + "\", \"usages\":"
                    + " [{\"type\": \"" + type + "\", \"amount\": " + amount + ", \"recurring\": " + recurring + "}]}");
        }

        private URI uri(String path) {
            return URI.create(emulator.baseUrl() + path.substring(1));
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.header("Authorization", "Token "
                    + emulator.staffToken()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
            return response.body();
        }
    }

    private static String field(String json, String name) throws Exception {
        com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        return (node.isArray() ? node.get(0) : node).get(name).asText();
    }

    private static String planUrl(String offerings, int index) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(offerings).get(0).get("plans").get(index)
                .get("url").asText();
    }
}
