package dev.tally.waldur.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends requests to one Waldur host: adds the token, refuses to follow redirects (a redirect to
 * another host would carry the token there), retries idempotent requests per {@link RetryPolicy}
 * and turns failures into {@link WaldurApiException}s with the server's message.
 */
public final class Transport {
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI apiUrl;
    private final ApiToken token;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final String userAgent;

    public Transport(ObjectMapper mapper, URI apiUrl, ApiToken token, Duration connectTimeout,
            Duration requestTimeout, RetryPolicy retryPolicy, String userAgent) {
        this.mapper = mapper;
        this.apiUrl = apiUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
        this.retryPolicy = retryPolicy;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A JSON response: status, body and the headers paging needs. */
    public record JsonResponse(int status, JsonNode body, LinkHeader links, OptionalLong resultCount, URI location) {
    }

    /** GET with retries; the body must be JSON. */
    public JsonResponse get(URI url) {
        return send("GET", url, null, true);
    }

    /**
     * POST, PUT or PATCH without blind retries: a create that timed out may have happened, so the
     * caller decides how to recover (see {@code WaldurClient#createOrder}).
     */
    public JsonResponse write(String method, URI url, JsonNode body) {
        return send(method, url, body, false);
    }

    /** A page of a list: the body must be a JSON array. */
    public Page page(URI url) {
        JsonResponse r = get(url);
        if (!r.body().isArray()) {
            throw new WaldurApiException("GET", url.getPath(), r.status(),
                    "expected a JSON array (a Waldur list), got " + r.body().getNodeType());
        }
        java.util.List<JsonNode> items = new java.util.ArrayList<>(r.body().size());
        r.body().forEach(items::add);
        return new Page(items, r.links(), r.resultCount());
    }

    private JsonResponse send(String method, URI url, JsonNode body, boolean idempotent) {
        checkSameOrigin(url);
        Instant deadline = Instant.now().plus(retryPolicy.deadline());
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        int maxAttempts = idempotent ? retryPolicy.maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request(method, url, body), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 429 || status == 502 || status == 503 || status == 504) {
                    if (attempt >= maxAttempts) {
                        throw failure(method, url, status, response.body());
                    }
                    wait = status == 429
                            ? retryPolicy.retryAfter(response.headers().firstValueAsLong("Retry-After").orElse(1))
                            : retryPolicy.backoff(attempt, random);
                } else if (status >= 300) {
                    throw failure(method, url, status, response.body());
                } else {
                    try {
                        return parse(status, response);
                    } catch (IOException badJson) {
                        // A cut or garbled body on a GET is worth another try; on a write it is a failure.
                        if (attempt >= maxAttempts) {
                            throw new WaldurApiException(method, url.getPath(), status,
                                    "the response is not valid JSON (" + firstLine(badJson) + ")");
                        }
                        wait = retryPolicy.backoff(attempt, random);
                    }
                }
            } catch (HttpConnectTimeoutException e) {
                if (attempt >= maxAttempts) {
                    throw new WaldurApiException(method, url.getPath(), 0, "connection timed out to " + url.getAuthority(), e);
                }
                wait = retryPolicy.backoff(attempt, random);
            } catch (HttpTimeoutException e) {
                if (attempt >= maxAttempts) {
                    throw new WaldurApiException(method, url.getPath(), 0, "no response within " + requestTimeout.toSeconds() + " s", e);
                }
                wait = retryPolicy.backoff(attempt, random);
            } catch (ConnectException e) {
                if (attempt >= maxAttempts) {
                    throw new WaldurApiException(method, url.getPath(), 0, "connection refused by " + url.getAuthority(), e);
                }
                wait = retryPolicy.backoff(attempt, random);
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new WaldurApiException(method, url.getPath(), 0, "connection failed: " + firstLine(e), e);
                }
                wait = retryPolicy.backoff(attempt, random);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaldurApiException(method, url.getPath(), 0, "interrupted", e);
            }
            if (Instant.now().plus(wait).isAfter(deadline)) {
                throw new WaldurApiException(method, url.getPath(), 0,
                        "gave up after " + attempt + " attempts within the " + retryPolicy.deadline().toSeconds() + " s retry deadline");
            }
            sleep(wait, method, url);
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
        OptionalLong count = response.headers().firstValueAsLong("X-Result-Count");
        LinkHeader links = LinkHeader.parse(String.join(", ", response.headers().allValues("Link")));
        URI location = response.headers().firstValue("Location").map(URI::create).orElse(null);
        return new JsonResponse(status, node, links, count, location);
    }

    private WaldurApiException failure(String method, URI url, int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String detail = status >= 300 && status < 400
                ? "unexpected redirect (not followed, so the token stays with " + apiUrl.getHost() + ")"
                : ErrorBodies.describe(mapper, text);
        return new WaldurApiException(method, url.getPath(), status, redact(detail));
    }

    /** Only URLs on the configured API origin may receive the token (Link headers included). */
    private void checkSameOrigin(URI url) {
        boolean same = apiUrl.getScheme().equalsIgnoreCase(url.getScheme())
                && apiUrl.getHost().equalsIgnoreCase(url.getHost())
                && port(apiUrl) == port(url);
        if (!same) {
            throw new WaldurApiException("GET", url.getPath(), 0,
                    "refusing to send the token to " + url.getScheme() + "://" + url.getAuthority()
                            + ", which is not the configured API host " + apiUrl.getAuthority());
        }
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
    }

    private String redact(String text) {
        return token == null ? text : token.redact(text);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleep(Duration wait, String method, URI url) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaldurApiException(method, url.getPath(), 0, "interrupted while waiting to retry", e);
        }
    }

    /** The API root every URL is resolved against. */
    public URI apiUrl() {
        return apiUrl;
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
