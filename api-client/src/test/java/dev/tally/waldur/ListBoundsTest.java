package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.tally.waldur.http.JsonLinesPage;
import dev.tally.waldur.http.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A server that never ends a list, or sends more than asked, meets the client's bounds
 * (docs/reliability.md): one line naming the URL and the limit, over loopback with small limits.
 */
class ListBoundsTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";
    private static final String PATH = "customers/";

    private static Transport transport(StubServer server, long maxResponseBytes) {
        WaldurClientConfig c = TestClients.config(server.baseUrl(), TOKEN).maxResponseBytes(maxResponseBytes).build();
        return new Transport(WaldurJson.newMapper(), c.apiUrl(), c.token(), c.connectTimeout(), c.requestTimeout(),
                c.retryPolicy(), c.userAgent(), c.sleeper(), c.maxResponseBytes());
    }

    private static URI first(StubServer server) {
        return server.baseUrl().resolve("/api/customers/?page_size=3");
    }

    private static String page(StubServer server, int n) {
        return server.baseUrl().resolve("/api/customers/?page_size=3&page=" + n).toString();
    }

    /** Walks the list at {@code first} with at most {@code maxObjects}; returns the objects received. */
    private static List<String> walk(StubServer server, long maxObjects, long maxResponseBytes) {
        Function<URI, JsonLinesPage> fetch = transport(server, maxResponseBytes)::pageLines;
        List<String> got = new ArrayList<>();
        new Pager(1, maxObjects).forEach(PATH, first(server), ListListener.NONE, fetch,
                p -> got.add(new String(p.lines(), 0, p.length(), StandardCharsets.UTF_8)));
        return got;
    }

    /** Page {@code n} of an endless list: {@code size} new objects and a link to page n + 1, no total. */
    private static StubServer.Reply endless(HttpExchange x, int size) {
        String query = x.getRequestURI().getRawQuery();
        int n = query.contains("page=") ? Integer.parseInt(query.substring(query.indexOf("page=") + 5)) : 1;
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append("{\"uuid\":\"").append(n).append('-').append(i).append("\"}");
        }
        String next = "http://127.0.0.1:" + x.getLocalAddress().getPort() + "/api/customers/?page_size=3&page=" + (n + 1);
        return new StubServer.Reply(200, Map.of("Link", "<" + next + ">; rel=\"next\""), body.append(']').toString());
    }

    @Test
    void endlessNextLinksWithoutACountStopAtTheObjectLimit() throws Exception {
        try (StubServer api = new StubServer((i, x) -> endless(x, 3))) {

            // Pages 1-3 bring 9 objects; page 4 would bring 12 of at most 10.
            assertThatThrownBy(() -> walk(api, 10, 1_000_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: more than 10 objects without reaching the end;"
                            + " the limit is 10 objects per list (at " + page(api, 4) + ")");
            assertThat(api.seen()).hasSize(4);
        }
    }

    @Test
    void endlessEmptyPagesStopAtThePagesTheLimitFills() throws Exception {
        try (StubServer api = new StubServer((i, x) -> endless(x, 0))) {

            // 10 objects at 3 a page fill 4 pages; page 5 is one too many.
            assertThatThrownBy(() -> walk(api, 10, 1_000_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: more than 4 pages of page_size=3 without"
                            + " reaching the end; the limit is 10 objects per list (at " + page(api, 5) + ")");
            assertThat(api.seen()).hasSize(5);
        }
    }

    @Test
    void aListJustWithinTheLimitIsRead() throws Exception {
        // Pages 1-3 of the endless list, then a last page of one: exactly 10 objects.
        try (StubServer api = new StubServer((i, x) -> x.getRequestURI().getRawQuery().endsWith("page=4")
                ? StubServer.Reply.json(200, "[{\"uuid\":\"last\"}]") : endless(x, 3))) {

            assertThat(String.join("", walk(api, 10, 1_000_000)).lines()).hasSize(10).endsWith("{\"uuid\":\"last\"}");
        }
    }

    @Test
    void aLimitNearLongMaxValueDoesNotOverflowThePageBound() throws Exception {
        // The page bound is the ceiling of limit / page size; (limit + size - 1) / size would wrap negative.
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(200, "[{\"uuid\":\"only\"}]"))) {

            assertThat(walk(api, Long.MAX_VALUE, 1_000_000)).containsExactly("{\"uuid\":\"only\"}\n");
        }
    }

    @Test
    void aTotalAboveTheLimitIsRefusedOnTheFirstPage() throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of("X-Result-Count", "1000"),
                "[{\"uuid\":\"a\"}]"))) {

            assertThatThrownBy(() -> walk(api, 10, 1_000_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: X-Result-Count says 1000 objects; the limit is"
                            + " 10 objects per list (at " + first(api) + ")");
            assertThat(api.seen()).hasSize(1);
        }
    }

    @Test
    void aPageLargerThanThePageSizeAskedForIsRefused() throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(200,
                "[{\"uuid\":\"a\"},{\"uuid\":\"b\"},{\"uuid\":\"c\"},{\"uuid\":\"d\"},{\"uuid\":\"e\"}]"))) {

            assertThatThrownBy(() -> walk(api, 10, 1_000_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: a page of 5 objects, more than the page_size=3"
                            + " asked for (at " + first(api) + ")");
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedOnceWithoutARetry() throws Exception {
        // 1,001 bytes: "[" + 999 spaces + "]".
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(200, "[" + " ".repeat(999) + "]"))) {

            assertThatThrownBy(() -> walk(api, 10, 1_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: the response from " + first(api)
                            + " is larger than the limit of 1000 bytes");
            assertThat(api.seen()).hasSize(1);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(200, "[" + " ".repeat(998) + "]"))) {

            assertThat(walk(api, 10, 1_000)).containsExactly("");
        }
    }

    @Test
    void aChunkedBodyThatKeepsGrowingIsCutAtTheLimit() throws Exception {
        try (StubServer api = new StubServer((i, x) -> {
            // No Content-Length: the body streams until the client hangs up (at most 64 MB here).
            byte[] chunk = ("{\"uuid\":\"x\"}," .repeat(1_000)).getBytes(StandardCharsets.UTF_8);
            try {
                x.sendResponseHeaders(200, 0);
                OutputStream out = x.getResponseBody();
                out.write('[');
                for (int k = 0; k < 64_000_000 / chunk.length; k++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the client cancelled once the limit was passed
            }
            return StubServer.Reply.json(200, "");
        })) {

            assertThatThrownBy(() -> walk(api, 10, 100_000))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: the response from " + first(api)
                            + " is larger than the limit of 100000 bytes");
            assertThat(api.seen()).hasSize(1);
        }
    }

    @Test
    void theDefaultsLieFarAboveLumisSize() {
        WaldurClientConfig c = TestClients.config(URI.create("http://127.0.0.1:1/"), TOKEN).build();

        assertThat(c.maxListObjects()).isEqualTo(10_000_000L);
        assertThat(c.maxResponseBytes()).isEqualTo(268_435_456L);
        assertThatThrownBy(() -> TestClients.config(URI.create("http://127.0.0.1:1/"), TOKEN).maxListObjects(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the list limit (0 objects) must be at least 1");
    }
}
