package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.waldur.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failure handling over real loopback HTTP against scripted servers: redirects, foreign links, error shapes, retries. */
class TransportTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    private static WaldurClient client(StubServer server) {
        return new WaldurClient(TestClients.config(server.baseUrl(), TOKEN).build());
    }

    @Test
    void neverFollowsARedirectToAnotherOriginAndNeverSendsItTheToken() throws Exception {
        try (StubServer other = new StubServer((i, x) -> StubServer.Reply.json(200, "[]"));
             StubServer api = new StubServer((i, x) -> new StubServer.Reply(302,
                     Map.of("Location", other.baseUrl() + "api/customers/"), ""))) {

            assertThatThrownBy(() -> client(api).customers(Query.NONE))
                    .isInstanceOf(WaldurApiException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 302: redirected to " + other.baseUrl().toString().replaceAll("/$", "")
                            + "; not followed, so the token stays with " + api.baseUrl().getRawAuthority() + " (use the final API URL)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));

            assertThat(other.seen()).isEmpty();
            assertThat(api.seen()).extracting(StubServer.Seen::authorization).containsExactly("Token " + TOKEN);
        }
    }

    @Test
    void refusesANextLinkToAnotherOrigin() throws Exception {
        try (StubServer other = new StubServer((i, x) -> StubServer.Reply.json(200, "[]"));
             StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of(
                     "Content-Type", "application/json",
                     "X-Result-Count", "2",
                     "Link", "<" + other.baseUrl() + "api/customers/?page=2>; rel=\"next\""), "[{\"uuid\": \"a\"}]"))) {
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).concurrency(1).build());

            assertThatThrownBy(() -> client.customers(Query.NONE))
                    .hasMessage("GET /api/customers/: refusing to send the token to " + other.baseUrl().toString().replaceAll("/$", "")
                            + ", which is not the configured API host " + api.baseUrl().getRawAuthority());

            assertThat(other.seen()).isEmpty();
        }
    }

    @Test
    void detectsAPaginationLoop() throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of(
                "Link", "<http://127.0.0.1:" + x.getLocalAddress().getPort() + "/api/customers/?page=2>; rel=\"next\""),
                "[{\"uuid\": \"a\"}]"))) {
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).concurrency(1).build());

            assertThatThrownBy(() -> client.customers(Query.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: pagination loops: the next link page=2 was already visited");
        }
    }

    @Test
    void detectsATotalThatChangesMidHarvest() throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of(
                "X-Result-Count", Integer.toString(2 + i),
                "Link", "<http://127.0.0.1:" + x.getLocalAddress().getPort() + "/api/customers/?page=" + (i + 2) + ">; rel=\"next\""),
                "[{\"uuid\": \"a\"}]"))) {
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).concurrency(1).build());

            assertThatThrownBy(() -> client.customers(Query.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("the list changed during the harvest (X-Result-Count went from 2 to 3); run again");
        }
    }

    @Test
    void honoursRetryAfterOnA429() throws Exception {
        try (StubServer api = new StubServer((i, x) -> i == 0
                ? new StubServer.Reply(429, Map.of("Retry-After", "1"), "{\"detail\": \"Request was throttled. Expected available in 1 second.\"}")
                : new StubServer.Reply(200, Map.of("X-Result-Count", "0"), "[]"))) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).sleeper(waits::add).build());

            assertThat(client.customers(Query.NONE)).isEmpty();

            assertThat(api.seen()).hasSize(2);
            // The retry policy's cap is 50 ms; only Retry-After explains a wait of a whole second.
            assertThat(waits).containsExactly(Duration.ofSeconds(1));
        }
    }

    @Test
    void backsOffExponentiallyWithJitterOnA429WithoutRetryAfter() throws Exception {
        try (StubServer api = new StubServer((i, x) -> i < 5
                ? StubServer.Reply.json(429, "{\"detail\": \"Request was throttled.\"}")
                : new StubServer.Reply(200, Map.of("X-Result-Count", "0"), "[]"))) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMinutes(1));
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).retryPolicy(policy)
                    .sleeper(waits::add).build());

            assertThat(client.customers(Query.NONE)).isEmpty();

            // Step min(1000, 100 × 2^(n−1)) ms, each wait uniform in [step / 2, step]: 100, 200, 400, 800, then capped.
            assertThat(api.seen()).hasSize(6);
            assertThat(waits).hasSize(5);
            long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}, {500, 1000}};
            for (int n = 0; n < 5; n++) {
                assertThat(waits.get(n).toMillis()).as("wait %d", n + 1).isBetween(bounds[n][0], bounds[n][1]);
            }
        }
    }

    @Test
    void slowsDownAsTheProxysRemainingBudgetNearsZero() throws Exception {
        long[] remaining = {50, 10, 9, 5, 0};
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of(
                "X-Result-Count", "5",
                "x-rate-limit-limit", "100",
                "x-rate-limit-remaining", Long.toString(remaining[i]),
                "Link", i == 4 ? "" : "<http://127.0.0.1:" + x.getLocalAddress().getPort()
                        + "/api/customers/?page=" + (i + 2) + ">; rel=\"next\""),
                "[{\"uuid\": \"u" + i + "\"}]"))) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofMillis(4000), Duration.ofMinutes(1));
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN).retryPolicy(policy)
                    .concurrency(1).sleeper(waits::add).build());

            assertThat(client.listRaw("customers/", Query.NONE)).hasSize(5);

            // Limit 100: the last tenth starts below 10 remaining; the pause is 1000 ms × (10 − remaining) / 10.
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void givesUpOnRepeated503sWithTheServersMessage() throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(503, "{\"detail\": \"Service unavailable\"}"))) {

            assertThatThrownBy(() -> client(api).customers(Query.NONE))
                    .isInstanceOf(ServerErrorException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 503: Service unavailable");

            assertThat(api.seen()).hasSize(TestClients.FAST_RETRIES.maxAttempts());
        }
    }

    @Test
    void neverRetriesAPostBlindly() throws Exception {
        try (StubServer api = new StubServer((i, x) -> x.getRequestMethod().equals("GET")
                ? new StubServer.Reply(200, Map.of("X-Result-Count", "0"), "[]")
                : StubServer.Reply.json(400, "[\"Pending order for resource already exists.\"]"))) {

            assertThatThrownBy(() -> client(api).terminateResource("7b0dc0323ce94ebda8670d76a40ebe99", Map.of()))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.errors()).isEqualTo(Map.of("non_field_errors", List.of("Pending order for resource already exists.")));
                    });

            assertThat(api.seen()).extracting(StubServer.Seen::method).containsExactly("GET", "POST");
        }
    }

    @Test
    void readsTheFieldMapShapeOfA400() throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(400,
                "{\"limits\": [\"Invalid types: foo\"], \"plan\": [\"This plan is not available for selected offering.\"]}"))) {

            assertThatThrownBy(() -> client(api).customers(Query.NONE))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.errors()).isEqualTo(Map.of(
                            "limits", List.of("Invalid types: foo"),
                            "plan", List.of("This plan is not available for selected offering."))))
                    .hasMessage("GET /api/customers/ returned HTTP 400: limits: Invalid types: foo; "
                            + "plan: This plan is not available for selected offering.");
        }
    }

    @Test
    void namesANonJsonBody() throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200, Map.of("Content-Type", "text/html"),
                "<html><body>Welcome to nginx</body></html>"))) {

            assertThatThrownBy(() -> client(api).customers(Query.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageStartingWith("GET /api/customers/ returned HTTP 200: the response is not valid JSON (text/html: ")
                    .hasMessageEndingWith("); is the URL the Waldur API root?");
        }
    }

    @Test
    void redactsTheTokenWhenAServerEchoesIt() throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(401,
                "{\"detail\": \"Invalid token " + TOKEN + ".\"}"))) {

            assertThatThrownBy(() -> client(api).customers(Query.NONE))
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 401: Invalid token [redacted].");
        }
    }

    @Test
    void namesARefusedConnection() throws Exception {
        StubServer gone = new StubServer((i, x) -> StubServer.Reply.json(200, "[]"));
        gone.close();
        WaldurClient client = new WaldurClient(TestClients.config(gone.baseUrl(), TOKEN)
                .retryPolicy(dev.tally.waldur.http.RetryPolicy.NONE).build());

        assertThatThrownBy(() -> client.customers(Query.NONE))
                .isInstanceOfSatisfying(NoResponseException.class, e -> assertThat(e.requestMayHaveArrived()).isFalse())
                .hasMessage("GET /api/customers/: connection refused by " + gone.baseUrl().getRawAuthority()
                        + " (is the server running and the URL right?)");
    }

    @Test
    void abandonsABodyThatStallsHalfWay() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (StubServer api = new StubServer((i, x) -> {
            try {
                x.sendResponseHeaders(200, 100);
                x.getResponseBody().write("[{\"uuid\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                x.getResponseBody().flush();
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the client gave up; nothing to do
            }
            return StubServer.Reply.json(200, "");
        })) {
            WaldurClient client = new WaldurClient(TestClients.config(api.baseUrl(), TOKEN)
                    .requestTimeout(Duration.ofMillis(300)).retryPolicy(dev.tally.waldur.http.RetryPolicy.NONE).build());

            assertThatThrownBy(() -> client.customers(Query.NONE))
                    .isInstanceOfSatisfying(NoResponseException.class, e -> assertThat(e.requestMayHaveArrived()).isTrue())
                    .hasMessage("GET /api/customers/: no complete response within 300 ms");
            release.countDown();
        }
    }
}
