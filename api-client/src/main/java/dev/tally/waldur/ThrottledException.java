package dev.tally.waldur;

import java.time.Duration;

/** 429 Too Many Requests: the request was not executed; try again after {@link #retryAfter()}. */
public class ThrottledException extends WaldurApiException {
    private final Duration retryAfter;

    public ThrottledException(String method, String path, String detail, Duration retryAfter) {
        super(method, path, 429, detail);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait ({@code Retry-After}); one second when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
