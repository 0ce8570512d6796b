package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UUID check of a list over scripted loopback servers: repeats left out, gaps refilled, or a one-line failure. */
class PagerTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    /** Three customers; pages of one repeat {@code a} and skip {@code b}; a page of 300 holds {@code whole}. */
    private static StubServer.Reply answer(HttpExchange x, String whole) {
        String query = x.getRequestURI().getRawQuery();
        String base = "http://127.0.0.1:" + x.getLocalAddress().getPort() + "/api/customers/?page_size=1&page=";
        if (query.contains("page_size=300")) {
            return new StubServer.Reply(200, Map.of("X-Result-Count", "3"), whole);
        }
        if (query.contains("page=3")) {
            return new StubServer.Reply(200, Map.of("X-Result-Count", "3"), "[{\"uuid\": \"c\"}]");
        }
        String next = query.contains("page=2") ? "3" : "2";
        return new StubServer.Reply(200, Map.of("X-Result-Count", "3", "Link", "<" + base + next + ">; rel=\"next\""),
                "[{\"uuid\": \"a\"}]");
    }

    private static WaldurClient client(StubServer server) {
        return new WaldurClient(TestClients.config(server.baseUrl(), TOKEN).pageSize(1).concurrency(1).build());
    }

    @Test
    void leavesOutTheRepeatAndRefillsTheGapFromOnePageOfThreeHundred() throws Exception {
        try (StubServer api = new StubServer((i, x) -> answer(x, "[{\"uuid\": \"a\"}, {\"uuid\": \"b\"}, {\"uuid\": \"c\"}]"))) {

            assertThat(client(api).listRaw("customers/", Query.NONE)).extracting(n -> n.get("uuid").asText())
                    .containsExactly("a", "c", "b");

            assertThat(api.seen()).hasSize(4);
            assertThat(api.seen().get(0).pathAndQuery()).isEqualTo("/api/customers/?o=name%2Ccreated&page_size=1");
            assertThat(api.seen().get(3).pathAndQuery()).isEqualTo("/api/customers/?o=name%2Ccreated&page_size=300");
        }
    }

    @Test
    void theHarvestsLinePagesLeaveOutTheRepeatToo() throws Exception {
        try (StubServer api = new StubServer((i, x) -> answer(x, "[{\"uuid\": \"a\"}, {\"uuid\": \"b\"}, {\"uuid\": \"c\"}]"))) {
            StringBuilder lines = new StringBuilder();

            long count = client(api).forEachPageLines("customers/", Query.NONE, ListListener.NONE,
                    page -> lines.append(new String(page.lines(), 0, page.length(), StandardCharsets.UTF_8)));

            assertThat(count).isEqualTo(3);
            assertThat(lines).hasToString("{\"uuid\":\"a\"}\n{\"uuid\":\"c\"}\n{\"uuid\":\"b\"}\n");
        }
    }

    @Test
    void failsInOneLineNamingTheListWhenTheGapStays() throws Exception {
        try (StubServer api = new StubServer((i, x) -> answer(x, "[{\"uuid\": \"a\"}, {\"uuid\": \"a\"}, {\"uuid\": \"c\"}]"))) {

            // One repeat in the first walk, then three in each of the three refills.
            assertThatThrownBy(() -> client(api).listRaw("customers/", Query.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: the list customers gave 2 distinct objects of 3"
                            + " after 3 sequential retries (10 came twice): its ordering is not stable between pages;"
                            + " run again");
            assertThat(api.seen()).hasSize(3 + 3);
        }
    }

    @Test
    void aRefillThatSeesAnotherTotalFailsAsAChangedList() throws Exception {
        // The refill is whole in itself (four objects, count four) but no longer the list that was being read.
        try (StubServer api = new StubServer((i, x) -> x.getRequestURI().getRawQuery().contains("page_size=300")
                ? new StubServer.Reply(200, Map.of("X-Result-Count", "4"),
                        "[{\"uuid\": \"a\"}, {\"uuid\": \"b\"}, {\"uuid\": \"c\"}, {\"uuid\": \"d\"}]")
                : answer(x, ""))) {

            assertThatThrownBy(() -> client(api).listRaw("customers/", Query.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET customers/ returned HTTP 200: the list changed during the harvest"
                            + " (X-Result-Count went from 3 to 4); run again");
        }
    }

    @Test
    void aCallersOwnOrderingIsKept() throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of("X-Result-Count", "1"),
                "[{\"uuid\": \"a\"}]"))) {

            JsonNode only = client(api).listRaw("customers/", Query.of("o", "-abbreviation")).get(0);

            assertThat(only.get("uuid").asText()).isEqualTo("a");
            assertThat(api.seen().get(0).pathAndQuery()).isEqualTo("/api/customers/?o=-abbreviation&page_size=1");
        }
    }
}
