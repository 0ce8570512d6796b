package dev.tally.waldur.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.InvalidResponseException;
import dev.tally.waldur.NoResponseException;
import dev.tally.waldur.ServerErrorException;
import dev.tally.waldur.ThrottledException;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.WaldurClientConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP for the Waldur API: one shared {@link HttpClient}, the token header, JSON parsing, and retries of
 * idempotent requests per {@link RetryPolicy}. {@link Failures} turns what goes wrong into typed
 * {@link WaldurApiException}s carrying the status and the server's message (token redacted), and
 * {@link RetryAfter} reads how long a 429 asks to wait.
 *
 * <p>Redirects are never followed: the JDK client would otherwise resend the {@code Authorization}
 * header to wherever the {@code Location} points. URLs taken from responses ({@code Link}) must be on
 * the configured origin too.
 *
 * <p>Every response body is read into memory, so one is held to {@code maxResponseBytes}
 * (docs/reliability.md): a {@code Content-Length} above it is refused before the body is read, and a
 * body that grows past it is cut off there. Such a response fails at once, without a retry: asking
 * again would fetch the same bytes.
 */
public final class Transport {
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI apiUrl;
    private final ApiToken token;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgent;
    private final Sleeper sleeper;
    private final long maxResponseBytes;
    private final Failures failures;
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    /** A transport whose responses may be as large as {@link WaldurClientConfig#DEFAULT_MAX_RESPONSE_BYTES}. */
    public Transport(ObjectMapper mapper, URI apiUrl, ApiToken token, Duration connectTimeout,
            Duration requestTimeout, RetryPolicy retryPolicy, String userAgent, Sleeper sleeper) {
        this(mapper, apiUrl, token, connectTimeout, requestTimeout, retryPolicy, userAgent, sleeper,
                WaldurClientConfig.DEFAULT_MAX_RESPONSE_BYTES);
    }

    public Transport(ObjectMapper mapper, URI apiUrl, ApiToken token, Duration connectTimeout,
            Duration requestTimeout, RetryPolicy retryPolicy, String userAgent, Sleeper sleeper, long maxResponseBytes) {
        if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the response limit (" + maxResponseBytes + " bytes) must be between 1 and "
                    + (Integer.MAX_VALUE - 8) + ", the most one byte array holds");
        }
        this.maxResponseBytes = maxResponseBytes;
        this.mapper = mapper;
        this.apiUrl = apiUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.userAgent = userAgent;
        this.sleeper = sleeper;
        this.failures = new Failures(mapper, apiUrl, token, requestTimeout);
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A JSON response: status, body (a JSON null when empty) and the headers paging and creation need. */
    public record JsonResponse(int status, JsonNode body, LinkHeader links, OptionalLong resultCount, URI location) {
    }

    /** GET with retries; the body must be JSON. */
    public JsonResponse get(URI url) {
        return send("GET", url, null, true);
    }

    /**
     * A request with a JSON body. {@code idempotent} requests (PUT of the same fields) are retried
     * like GETs; others are sent once, because a create that timed out may have happened and only
     * the caller knows how to check (see {@code WaldurClient#createOrder}).
     */
    public JsonResponse send(String method, URI url, JsonNode body, boolean idempotent) {
        return send(method, url, body, idempotent, this::parse);
    }

    /** Reads a 2xx response; an {@link IOException} means the body is not the JSON expected (and is retried). */
    @FunctionalInterface
    private interface BodyReader<T> {
        T read(int status, HttpResponse<byte[]> response) throws IOException;
    }

    private <T> T send(String method, URI url, JsonNode body, boolean idempotent, BodyReader<T> reader) {
        checkSameOrigin(method, url);
        Deadline deadline = Deadline.after(retryPolicy.deadline());
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        int maxAttempts = idempotent ? retryPolicy.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return exchange(method, url, body, reader);
            } catch (WaldurApiException e) {
                Duration wait = retryDelay(e, attempt, random);
                if (wait == null || attempt >= maxAttempts) {
                    throw e;
                }
                if (!deadline.allows(wait)) {
                    throw e;
                }
                sleep(wait, method, url);
            }
        }
    }

    /**
     * How long to wait before retrying after {@code e}, or null if it must not be retried: 429 waits
     * for {@code Retry-After}, or backs off exponentially without it; 500/502/503/504, lost connections and cut bodies back off with jitter.
     */
    public Duration retryDelay(WaldurApiException e, int attempt, SplittableRandom random) {
        if (Failures.tooLarge(e)) {
            return null;
        }
        if (e instanceof ThrottledWithoutRetryAfter) {
            return retryPolicy.throttleBackoff(attempt, random);
        }
        if (e instanceof ThrottledException t) {
            return t.retryAfter();
        }
        if (e instanceof ServerErrorException && (e.status() == 500 || e.status() >= 502 && e.status() <= 504)) {
            return retryPolicy.backoff(attempt, random);
        }
        if (e instanceof NoResponseException) {
            return retryPolicy.backoff(attempt, random);
        }
        if (e instanceof InvalidResponseException && e.status() >= 200 && e.status() < 300) {
            return retryPolicy.backoff(attempt, random);
        }
        return null;
    }

    /** A page of a list: the body must be a JSON array. */
    public Page page(URI url) {
        JsonResponse r = get(url);
        if (!r.body().isArray()) {
            throw notAList(url, r.status(), r.body().getNodeType().toString());
        }
        List<JsonNode> items = new ArrayList<>(r.body().size());
        r.body().forEach(items::add);
        return new Page(items, r.links(), r.resultCount());
    }

    /**
     * A page of a list with every element re-encoded as one compact JSON line, streamed from the
     * response bytes without building trees; the bytes equal what {@link #page} trees would serialise
     * to (decimals keep their digits, {@code 1.50} stays {@code 1.50}). A body that is not valid JSON is
     * retried like a cut response; one that is valid JSON but not an array fails at once.
     */
    public JsonLinesPage pageLines(URI url) {
        LinesOrNot r = send("GET", url, null, true, this::readLines);
        if (r.page() == null) {
            throw notAList(url, r.status(), r.nodeType());
        }
        return r.page();
    }

    /** A page read as JSON lines, or the JSON node type the body had instead of an array. */
    private record LinesOrNot(JsonLinesPage page, int status, String nodeType) {
    }

    private LinesOrNot readLines(int status, HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        JsonLines.Buffer lines = JsonLines.copyArray(mapper.getFactory(), bytes);
        if (lines == null) {
            // Not an array: read it the way page() does, so bad JSON and the message are the same.
            return new LinesOrNot(null, status, parse(status, response).body().getNodeType().toString());
        }
        return new LinesOrNot(new JsonLinesPage(lines.bytes(), lines.length(), lines.count(), lines.uuids(), lines.ends(), links(response),
                resultCount(response)), status, null);
    }

    private static InvalidResponseException notAList(URI url, int status, String nodeType) {
        return new InvalidResponseException("GET", url.getPath(), status,
                "expected a JSON array (a Waldur list), got " + nodeType);
    }

    /** Exactly one HTTP exchange; every failure becomes a typed {@link WaldurApiException}. */
    public JsonResponse once(String method, URI url, JsonNode body) {
        return exchange(method, url, body, this::parse);
    }

    private <T> T exchange(String method, URI url, JsonNode body, BodyReader<T> reader) {
        checkSameOrigin(method, url);
        HttpResponse<byte[]> response;
        requests.incrementAndGet();
        // sendAsync + a bounded get: the JDK's request timeout stops at the headers, so a body that
        // stalls half-way would otherwise block forever. Cancelling aborts the exchange.
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request(method, url, body), info -> new BoundedBody(maxResponseBytes, info));
        try {
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failures.incomplete(method, url, e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new WaldurApiException(method, url.getPath(), 0, "interrupted", e);
        } catch (ExecutionException e) {
            throw failures.noResponse(method, url, e.getCause() == null ? e : e.getCause(), maxResponseBytes);
        }
        int status = response.statusCode();
        if (status >= 300) {
            throw failures.of(method, url, response);
        }
        Duration pause = RateLimitPacing.pause(response.headers(), retryPolicy.baseDelay());
        if (!pause.isZero()) {
            sleep(pause, method, url);
        }
        try {
            return reader.read(status, response);
        } catch (IOException badJson) {
            throw failures.notJson(method, url, response, badJson);
        }
    }

    private HttpRequest request(String method, URI url, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        if (token != null) {
            b.header("Authorization", token.authorizationHeader());
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            try {
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise request body", e);
            }
        }
        return b.build();
    }

    private JsonResponse parse(int status, HttpResponse<byte[]> response) throws IOException {
        byte[] bytes = response.body();
        JsonNode node = bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
        if (node == null) {
            node = mapper.nullNode();
        }
        URI location = response.headers().firstValue("Location").map(URI::create).orElse(null);
        return new JsonResponse(status, node, links(response), resultCount(response), location);
    }

    private static OptionalLong resultCount(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("X-Result-Count");
    }

    private static LinkHeader links(HttpResponse<?> response) {
        return LinkHeader.parse(String.join(", ", response.headers().allValues("Link")));
    }

    /** Only URLs on the configured API origin may receive the token (Link headers included). */
    private void checkSameOrigin(String method, URI url) {
        boolean same = apiUrl.getScheme().equalsIgnoreCase(url.getScheme())
                && url.getHost() != null
                && apiUrl.getHost().equalsIgnoreCase(url.getHost())
                && port(apiUrl) == port(url);
        if (!same) {
            throw new WaldurApiException(method, url.getPath(), 0,
                    "refusing to send the token to " + url.getScheme() + "://" + url.getRawAuthority()
                            + ", which is not the configured API host " + apiUrl.getRawAuthority());
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
    }

    /** Sleeps for {@code wait} with this transport's sleeper; an interrupt restores the flag and fails the call. */
    public void sleep(Duration wait, String method, URI url) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaldurApiException(method, url.getPath(), 0, "interrupted while waiting to retry", e);
        }
    }

    /** How many HTTP exchanges this transport has attempted, retries included. */
    public long requestCount() {
        return requests.get();
    }

    /** The API root every URL is resolved against. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The retry settings of this transport. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
