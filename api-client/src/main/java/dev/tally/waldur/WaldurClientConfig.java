package dev.tally.waldur;

import dev.tally.waldur.http.RetryPolicy;
import dev.tally.waldur.http.Sleeper;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings for a {@link WaldurClient}. Build with {@link #builder(URI, ApiToken)}.
 *
 * @param apiUrl the API root, for example {@code https://puhuri-core.neic.no/api/}; a trailing
 *     {@code /api/} is added when missing
 * @param token the API token, or {@code null} for anonymous calls
 * @param pageSize list page size; Waldur clamps it to 300
 * @param concurrency how many pages a harvest fetches at once once the total is known
 * @param pollInterval how often {@code awaitOrder} and {@code awaitDryRun} look again
 * @param sleeper how retries and polls wait ({@link Sleeper#REAL}; tests record the waits instead)
 * @param maxListObjects the most objects one list may hold before reading it fails (docs/reliability.md)
 * @param maxResponseBytes the most bytes one response body may hold before reading it fails
 */
public record WaldurClientConfig(
        URI apiUrl,
        ApiToken token,
        int pageSize,
        int concurrency,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retryPolicy,
        boolean allowInsecureHttp,
        String userAgent,
        Duration pollInterval,
        Sleeper sleeper,
        long maxListObjects,
        long maxResponseBytes) {

    /** Waldur's {@code max_page_size}: bigger values are clamped by the server (docs/waldur.md, Paging). */
    public static final int MAX_PAGE_SIZE = 300;

    /**
     * Objects one list may hold: far above LUMI's largest list (tens of thousands), low enough that a
     * server linking {@code next} pages without end is stopped before memory or time runs out.
     */
    public static final long DEFAULT_MAX_LIST_OBJECTS = 10_000_000;

    /** Bytes one response body may hold (256 MiB): a full page of 300 objects is well under 10 MB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    public WaldurClientConfig {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(sleeper, "sleeper");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts (connect " + connectTimeout + ", request " + requestTimeout
                    + ") must be positive");
        }
        apiUrl = normalise(apiUrl);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size (" + pageSize + ") must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency (" + concurrency + ") must be between 1 and 64");
        }
        if (maxListObjects < 1) {
            throw new IllegalArgumentException("the list limit (" + maxListObjects + " objects) must be at least 1");
        }
        if (maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the response limit (" + maxResponseBytes + " bytes) must be between 1 and "
                    + (Integer.MAX_VALUE - 8));
        }
        if ("http".equals(apiUrl.getScheme()) && !allowInsecureHttp && !isLoopback(apiUrl.getHost())) {
            throw new IllegalArgumentException("refusing plain http:// to " + apiUrl.getHost()
                    + ": the token would travel unencrypted (use https:// or --allow-insecure-http)");
        }
    }

    public static Builder builder(URI apiUrl, ApiToken token) {
        return new Builder(apiUrl, token);
    }

    public Builder toBuilder() {
        Builder b = new Builder(apiUrl, token);
        b.pageSize = pageSize;
        b.concurrency = concurrency;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.retryPolicy = retryPolicy;
        b.allowInsecureHttp = allowInsecureHttp;
        b.userAgent = userAgent;
        b.pollInterval = pollInterval;
        b.sleeper = sleeper;
        b.maxListObjects = maxListObjects;
        b.maxResponseBytes = maxResponseBytes;
        return b;
    }

    private static URI normalise(URI url) {
        // Credentials in the URL would be stored in every manifest and printed in messages; the token
        // has its own channels (docs/security.md). The message must not echo them, so it names the host only.
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the API URL for " + url.getHost() + " carries a user name or password"
                    + " (user:password@host); remove it and give the token with --token-file or WALDUR_TOKEN");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            // An authority Java could not parse may still hold credentials: show the URL without them.
            throw new IllegalArgumentException("not an http(s) URL: " + withoutCredentials(url.toString()));
        }
        String path = url.getPath() == null || url.getPath().isEmpty() ? "/" : url.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        if (!path.endsWith("/api/")) {
            path = path + "api/";
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }

    /** {@code url} with any {@code user:password@} shown as {@code ***@}, for messages about text that may not parse. */
    public static String withoutCredentials(String url) {
        return url.replaceFirst("//[^/@]*@", "//***@");
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Mutable builder with defaults: page size 300, concurrency 4, 10 s connect, 60 s request timeout,
     * 2 s poll interval, 10 million objects per list, 256 MiB per response.
     */
    public static final class Builder {
        private final URI apiUrl;
        private final ApiToken token;
        private int pageSize = MAX_PAGE_SIZE;
        private int concurrency = 4;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private boolean allowInsecureHttp;
        private String userAgent = "tally";
        private Duration pollInterval = Duration.ofSeconds(2);
        private Sleeper sleeper = Sleeper.REAL;
        private long maxListObjects = DEFAULT_MAX_LIST_OBJECTS;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(URI apiUrl, ApiToken token) {
            this.apiUrl = apiUrl;
            this.token = token;
        }

        // every setter records one value and hands the builder back for the next call
        private Builder set(Runnable record) {
            record.run();
            return this;
        }

        public Builder pageSize(int value) {
            return set(() -> pageSize = value);
        }

        public Builder concurrency(int value) {
            return set(() -> concurrency = value);
        }

        public Builder connectTimeout(Duration value) {
            return set(() -> connectTimeout = value);
        }

        public Builder requestTimeout(Duration value) {
            return set(() -> requestTimeout = value);
        }

        public Builder retryPolicy(RetryPolicy value) {
            return set(() -> retryPolicy = value);
        }

        public Builder allowInsecureHttp(boolean value) {
            return set(() -> allowInsecureHttp = value);
        }

        public Builder userAgent(String value) {
            return set(() -> userAgent = value);
        }

        public Builder pollInterval(Duration value) {
            return set(() -> pollInterval = value);
        }

        public Builder sleeper(Sleeper value) {
            return set(() -> sleeper = value);
        }

        public Builder maxListObjects(long value) {
            return set(() -> maxListObjects = value);
        }

        public Builder maxResponseBytes(long value) {
            return set(() -> maxResponseBytes = value);
        }

        public WaldurClientConfig build() {
            return new WaldurClientConfig(apiUrl, token, pageSize, concurrency, connectTimeout, requestTimeout,
                    retryPolicy, allowInsecureHttp, userAgent, pollInterval, sleeper, maxListObjects, maxResponseBytes);
        }
    }
}
