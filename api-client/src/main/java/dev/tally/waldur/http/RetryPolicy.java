package dev.tally.waldur.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before retrying an idempotent request: exponential backoff with full
 * jitter (a uniform delay in [0, min(cap, base × 2^attempt)]), an attempt cap and an overall deadline.
 * A 429 waits exactly as long as the server's {@code Retry-After} says, as long as that fits the deadline;
 * a 429 without it waits {@link #throttleBackoff}, at least half the exponential step.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {
    /** Eight attempts, 200 ms base, 10 s cap, 2 minutes overall: rides out a proxy restart. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));
    /** One attempt, for callers that must not repeat a request. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts (" + maxAttempts + ") must be at least 1");
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The jittered backoff before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt, RandomGenerator random) {
        long cap = step(attempt);
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }

    /**
     * The wait before attempt {@code attempt + 1} after a 429 that gave no {@code Retry-After}: uniform in
     * [step / 2, step] with step = min(cap, base × 2^(attempt − 1)), so a throttled client really slows down
     * (full jitter could retry at once) while parallel clients still spread out.
     */
    public Duration throttleBackoff(int attempt, RandomGenerator random) {
        long step = step(attempt);
        long half = step / 2;
        return Duration.ofMillis(step <= 0 ? 0 : half + random.nextLong(step - half + 1));
    }

    private long step(int attempt) {
        return Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
    }
}
