package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {
    private final Emulator emulator = SharedEmulator.get();
    private final Api api = new Api(emulator, emulator.staffToken());
    private final String base = emulator.baseUrl() + "api/";

    @Test
    void firstPageHasTenItemsCountAndLinks() {
        HttpResponse<String> response = api.get("/api/customers/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(Api.parse(response.body()).isArray()).isTrue();
        assertThat(Api.parse(response.body()).size()).isEqualTo(10);
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("11");
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "customers/>; rel=\"first\", "
                + "<" + base + "customers/?page=2>; rel=\"next\", "
                + "<" + base + "customers/?page=2>; rel=\"last\"");
    }

    @Test
    void middlePageLinksSortTheQueryByKey() {
        HttpResponse<String> response = api.get("/api/projects/?page_size=100&page=3&o=name");

        assertThat(Api.parse(response.body()).size()).isEqualTo(100);
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("2500");
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "projects/?o=name&page_size=100>; rel=\"first\", "
                + "<" + base + "projects/?o=name&page=2&page_size=100>; rel=\"prev\", "
                + "<" + base + "projects/?o=name&page=4&page_size=100>; rel=\"next\", "
                + "<" + base + "projects/?o=name&page=25&page_size=100>; rel=\"last\"");
    }

    @Test
    void secondPageLinksPrevWithoutPage() {
        HttpResponse<String> response = api.get(
                "/api/marketplace-public-offerings/?state=Active&shared=true&page=2&page_size=5");

        // 12 active shared offerings, 7 of them access-type offerings
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("19");
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "marketplace-public-offerings/?page_size=5&shared=true&state=Active>; rel=\"first\", "
                + "<" + base + "marketplace-public-offerings/?page_size=5&shared=true&state=Active>; rel=\"prev\", "
                + "<" + base + "marketplace-public-offerings/?page=3&page_size=5&shared=true&state=Active>; rel=\"next\", "
                + "<" + base + "marketplace-public-offerings/?page=4&page_size=5&shared=true&state=Active>; rel=\"last\"");
    }

    @Test
    void singlePageHasOnlyFirstAndLastWithoutPage() {
        HttpResponse<String> response = api.get("/api/marketplace-public-offerings/?name=Denmark&page=1");

        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("1");
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "marketplace-public-offerings/?name=Denmark>; rel=\"first\", "
                + "<" + base + "marketplace-public-offerings/?name=Denmark>; rel=\"last\"");
    }

    @Test
    void emptyResultStillHasFirstAndLast() {
        HttpResponse<String> response = api.get("/api/projects/?name_exact=nothing%20like%20this");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("0");
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "projects/?name_exact=nothing+like+this>; rel=\"first\", "
                + "<" + base + "projects/?name_exact=nothing+like+this>; rel=\"last\"");
    }

    @Test
    void pageSizeAboveMaximumIsClampedTo300() {
        HttpResponse<String> response = api.get("/api/marketplace-resources/?page_size=1000");

        assertThat(Api.parse(response.body()).size()).isEqualTo(300);
        assertThat(response.headers().firstValue("Link").orElseThrow())
                .endsWith("<" + base + "marketplace-resources/?page=14&page_size=1000>; rel=\"last\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "2.5"})
    void invalidPageSizeFallsBackToTen(String pageSize) {
        HttpResponse<String> response = api.get("/api/marketplace-orders/?page_size=" + pageSize);

        assertThat(Api.parse(response.body()).size()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "12"})
    void invalidOrOutOfRangePageIs404(String page) {
        HttpResponse<String> response = api.get("/api/customers/?page=" + page);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid page.\"}");
    }

    @Test
    void lastPageByName() {
        HttpResponse<String> response = api.get("/api/customers/?page=last&page_size=4");

        JsonNode body = Api.parse(response.body());
        assertThat(body.size()).isEqualTo(3);
        assertThat(response.headers().firstValue("Link")).hasValue(
                "<" + base + "customers/?page_size=4>; rel=\"first\", "
                + "<" + base + "customers/?page=2&page_size=4>; rel=\"prev\", "
                + "<" + base + "customers/?page=3&page_size=4>; rel=\"last\"");
    }

    @Test
    void headReturnsListHeadersWithoutBody() {
        HttpResponse<String> get = api.get("/api/marketplace-component-usages/?page_size=50");
        HttpResponse<String> head = api.head("/api/marketplace-component-usages/?page_size=50");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Result-Count")).isEqualTo(get.headers().firstValue("X-Result-Count"));
        assertThat(head.headers().firstValue("Link")).isEqualTo(get.headers().firstValue("Link"));
    }

    @Test
    void customersAreOrderedByName() {
        JsonNode body = api.getJson("/api/customers/?page_size=20&field=name");

        assertThat(body.get(0).get("name").asText()).isEqualTo("CSC – IT Center for Science");
        assertThat(body.get(10).get("name").asText()).isEqualTo("VLAAMS SUPERCOMPUTER CENTRUM");
        assertThat(body.get(0).size()).isEqualTo(1);
    }

    @Test
    void usagesAreOrderedByDateDescendingThenType() {
        JsonNode body = api.getJson("/api/marketplace-component-usages/?page_size=300");

        for (int i = 1; i < body.size(); i++) {
            String previous = body.get(i - 1).get("date").asText();
            String current = body.get(i).get("date").asText();
            assertThat(previous.compareTo(current)).isGreaterThanOrEqualTo(0);
            if (previous.equals(current)) {
                assertThat(body.get(i - 1).get("type").asText().compareTo(body.get(i).get("type").asText()))
                        .isLessThanOrEqualTo(0);
            }
        }
    }
}
