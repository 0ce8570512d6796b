package dev.tally.waldur.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Slowing down before a proxy's limiter refuses (docs/waldur.md, "Throttling without Retry-After"): a response with
 * {@code x-rate-limit-limit} and {@code x-rate-limit-remaining} whose remaining budget is in the last tenth of the
 * limit makes the next request wait, from nothing at the edge of that tenth up to the retry policy's base delay
 * when nothing remains. The headers say nothing of the window's length, so the pause stays short and a 429 that
 * follows anyway is retried as usual.
 */
final class RateLimitPacing {
    private RateLimitPacing() {
    }

    /** The pause after a response with these headers; zero when they are absent, unreadable or far from zero. */
    static Duration pause(HttpHeaders headers, Duration baseDelay) {
        OptionalLong limit = number(headers, "x-rate-limit-limit");
        OptionalLong remaining = number(headers, "x-rate-limit-remaining");
        if (limit.isEmpty() || remaining.isEmpty() || limit.getAsLong() <= 0) {
            return Duration.ZERO;
        }
        return pause(limit.getAsLong(), remaining.getAsLong(), baseDelay);
    }

    /** {@code base × (tenth − remaining) / tenth} once {@code remaining} is below a tenth of {@code limit}. */
    static Duration pause(long limit, long remaining, Duration baseDelay) {
        long tenth = Math.max(1, limit / 10);
        long left = Math.max(0, remaining);
        if (left >= tenth) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(baseDelay.toMillis() * (tenth - left) / tenth);
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        try {
            return headers.firstValueAsLong(name);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
