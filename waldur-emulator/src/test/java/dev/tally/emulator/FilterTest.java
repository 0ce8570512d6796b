package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTest {
    private final Emulator emulator = SharedEmulator.get();
    private final Api api = new Api(emulator, emulator.staffToken());

    @Test
    void offeringFiltersFromTheSeedDocument() {
        JsonNode shares = api.getJson("/api/marketplace-public-offerings/?state=Active&shared=true&billable=true"
                + "&type=Marketplace.Basic&name=LUMI&page_size=100");

        // the ten share offerings, LUMI custom script and the seven access-type offerings
        assertThat(shares.size()).isEqualTo(18);
        assertThat(shares.get(0).get("name").asText()).isEqualTo("LUMI Belgium");
    }

    @Test
    void repeatedStateParametersMeanAnyOf() {
        int pendingConsumer = count("/api/marketplace-orders/?state=pending-consumer");
        int pendingProvider = count("/api/marketplace-orders/?state=pending-provider");

        int both = count("/api/marketplace-orders/?state=pending-consumer&state=pending-provider");

        assertThat(both).isEqualTo(pendingConsumer + pendingProvider);
        assertThat(pendingConsumer).isPositive();
        assertThat(pendingProvider).isPositive();
    }

    @Test
    void fieldSelectionKeepsOnlyTheNamedFields() {
        JsonNode customers = api.getJson("/api/customers/?field=url&field=name");

        assertThat(customers.get(0).size()).isEqualTo(2);
        assertThat(customers.get(0).get("url").asText()).startsWith(emulator.baseUrl() + "api/customers/");
    }

    @Test
    void orderingByCostDescending() {
        JsonNode orders = api.getJson("/api/marketplace-orders/?type=Create&o=-cost&page_size=50&field=cost");

        for (int i = 1; i < orders.size(); i++) {
            assertThat(orders.get(i - 1).get("cost").decimalValue())
                    .isGreaterThanOrEqualTo(orders.get(i).get("cost").decimalValue());
        }
    }

    @Test
    void usagesFilterByBillingPeriodAndType() {
        JsonNode usages = api.getJson("/api/marketplace-component-usages/?billing_period=2026-03-01"
                + "&type=gpu_k_hours&page_size=300");

        assertThat(usages.findValuesAsText("billing_period")).containsOnly("2026-03-01");
        assertThat(usages.findValuesAsText("type")).containsOnly("gpu_k_hours");
    }

    @Test
    void usageDateRangeIsInclusive() {
        JsonNode usages = api.getJson("/api/marketplace-component-usages/?date_after=2025-01-01"
                + "&date_before=2025-01-31&page_size=300");

        List<String> days = usages.findValuesAsText("date").stream().map(d -> d.substring(0, 10)).toList();
        assertThat(days).allMatch(d -> d.compareTo("2025-01-01") >= 0 && d.compareTo("2025-01-31") <= 0);
        assertThat(days).isNotEmpty();
    }

    @Test
    void projectsCustomerFilterTakesACommaSeparatedList() {
        JsonNode customers = api.getJson("/api/customers/?abbreviation=S&field=uuid&field=abbreviation");
        String both = customers.findValuesAsText("uuid").stream().reduce((a, b) -> a + "," + b).orElseThrow();

        JsonNode projects = api.getJson("/api/projects/?customer=" + both + "&page_size=300&field=customer_uuid");

        assertThat(projects.findValuesAsText("customer_uuid")).containsAnyElementsOf(
                customers.findValuesAsText("uuid"));
        assertThat(customers.findValuesAsText("abbreviation")).contains("SNIC", "Sigma2", "CSCS");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/api/marketplace-orders/?state=done&state=finished|{\"state\":[\"Select a valid choice. finished is not one of the available choices.\"]}",
        "/api/marketplace-resources/?project_uuid=xyz|{\"project_uuid\":[\"Enter a valid UUID.\"]}",
        "/api/marketplace-component-usages/?date_after=yesterday|{\"date_after\":[\"Enter a valid date.\"]}",
        "/api/marketplace-orders/?o=-name|{\"o\":[\"Select a valid choice. -name is not one of the available choices.\"]}",
        "/api/marketplace-public-offerings/?customer=not-a-url|{\"customer\":[\"Enter a valid URL.\"]}"})
    void invalidFilterValuesAre400WithTheParameterName(String path, String body) {
        HttpResponse<String> response = api.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void hyphenatedUuidsAreAcceptedOnInput() {
        JsonNode project = api.getJson("/api/projects/?page_size=1").get(0);
        String hex = project.get("uuid").asText();
        String hyphenated = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);

        assertThat(api.getJson("/api/projects/" + hyphenated + "/").get("uuid").asText()).isEqualTo(hex);
        assertThat(count("/api/marketplace-resources/?project_uuid=" + hyphenated))
                .isEqualTo(count("/api/marketplace-resources/?project_uuid=" + hex));
    }

    private int count(String path) {
        return Integer.parseInt(api.head(path).headers().firstValue("X-Result-Count").orElseThrow());
    }
}
