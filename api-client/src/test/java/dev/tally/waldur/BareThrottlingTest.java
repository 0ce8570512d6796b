package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Against the emulator's {@code retry-after:none}: throttled pages back off by the policy, never by a default second. */
class BareThrottlingTest {
    @Test
    void aListThrottledWithoutRetryAfterBacksOffWithinThePolicyAndCompletes() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withFaults("429:0.3,retry-after:none"))) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(40), Duration.ofMillis(320), Duration.ofMinutes(1));
            WaldurClient client = new WaldurClient(TestClients.config(emulator.baseUrl(), emulator.staffToken())
                    .retryPolicy(policy).pageSize(100).concurrency(1).sleeper(waits::add).build());

            List<?> projects = client.listRaw("projects/", Query.NONE);

            assertThat(projects).hasSize(2500);
            // Seeded draws: about three in ten of the requests were refused, and each wait lies in
            // [step/2, step] for step = min(320, 40 × 2^(n−1)) ms, so never below 20 ms nor above 320 ms.
            assertThat(waits).isNotEmpty();
            assertThat(waits).allSatisfy(w -> assertThat(w.toMillis()).isBetween(20L, 320L));
            assertThat(client.requestCount()).isEqualTo(25 + waits.size());
        }
    }
}
