package dev.tally.waldur.http;

import dev.tally.waldur.ThrottledException;
import java.time.Duration;

/**
 * A 429 that did not say how long to wait (docs/waldur.md, "Throttling without Retry-After"): the transport backs off
 * exponentially instead of taking the one second {@link #retryAfter()} reports for callers that only read that.
 */
final class ThrottledWithoutRetryAfter extends ThrottledException {
    ThrottledWithoutRetryAfter(String method, String path, String detail) {
        super(method, path, detail, Duration.ofSeconds(1));
    }
}
