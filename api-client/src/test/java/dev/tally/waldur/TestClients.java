package dev.tally.waldur;

import dev.tally.emulator.Emulator;
import dev.tally.waldur.http.RetryPolicy;
import dev.tally.waldur.http.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clients for tests: real HTTP to a loopback emulator, with short backoff and polling so tests stay fast. */
public final class TestClients {
    /** Ten attempts, 5 ms base, 50 ms cap, one minute overall. */
    public static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMinutes(1));

    /**
     * Waits at most 20 ms: a fault-injected 429 says {@code Retry-After: 1}, and honouring it in full
     * would add a second per fault to every harvest test. What the client asked for is checked in
     * {@code TransportTest} with a recording sleeper.
     */
    public static final Sleeper SHORT_SLEEPS = wait -> Thread.sleep(Math.min(wait.toMillis(), 20));

    /** The harvest clock of every test: fixed, so no manifest or assertion depends on the day the suite runs. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC);

    private TestClients() {
    }

    public static WaldurClientConfig.Builder config(URI url, String token) {
        return WaldurClientConfig.builder(url, token == null ? null : ApiToken.of(token))
                .retryPolicy(FAST_RETRIES)
                .pollInterval(Duration.ofMillis(20))
                .sleeper(SHORT_SLEEPS);
    }

    public static WaldurClient client(Emulator emulator, String token) {
        return new WaldurClient(config(emulator.baseUrl(), token).build());
    }
}
