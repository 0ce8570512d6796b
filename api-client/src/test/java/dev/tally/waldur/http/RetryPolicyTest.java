package dev.tally.waldur.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The waits a policy asks for, with the jitter pinned to its extremes so the values are exact. */
class RetryPolicyTest {
    private static final RetryPolicy POLICY =
            new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));

    /** Always the smallest draw (0) or the largest ({@code bound − 1}). */
    private static RandomGenerator pinned(boolean largest) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return largest ? bound - 1 : 0;
            }
        };
    }

    @Test
    void aBareThrottleWaitsBetweenHalfAndAllOfTheExponentialStep() {
        long[] shortest = new long[7];
        long[] longest = new long[7];
        for (int attempt = 1; attempt <= 7; attempt++) {
            shortest[attempt - 1] = POLICY.throttleBackoff(attempt, pinned(false)).toMillis();
            longest[attempt - 1] = POLICY.throttleBackoff(attempt, pinned(true)).toMillis();
        }

        // Steps 200, 400, 800, 1600, 3200, 6400, then the 10 s cap.
        assertThat(shortest).containsExactly(100, 200, 400, 800, 1600, 3200, 5000);
        assertThat(longest).containsExactly(200, 400, 800, 1600, 3200, 6400, 10000);
    }

    @Test
    void theNoRetryPolicyNeverWaits() {
        assertThat(RetryPolicy.NONE.throttleBackoff(1, pinned(true))).isEqualTo(Duration.ZERO);
    }

    @Test
    void pacingStartsInTheLastTenthOfTheLimit() {
        Duration base = Duration.ofMillis(200);

        assertThat(RateLimitPacing.pause(500, 50, base)).isEqualTo(Duration.ZERO);
        assertThat(RateLimitPacing.pause(500, 49, base)).isEqualTo(Duration.ofMillis(4));
        assertThat(RateLimitPacing.pause(500, 25, base)).isEqualTo(Duration.ofMillis(100));
        assertThat(RateLimitPacing.pause(500, 0, base)).isEqualTo(Duration.ofMillis(200));
        // A limit under ten: only an empty budget pauses.
        assertThat(RateLimitPacing.pause(5, 1, base)).isEqualTo(Duration.ZERO);
        assertThat(RateLimitPacing.pause(5, 0, base)).isEqualTo(Duration.ofMillis(200));
    }
}
