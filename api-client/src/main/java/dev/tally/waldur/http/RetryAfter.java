package dev.tally.waldur.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a 429 asks to wait: {@code Retry-After} as delta-seconds or an HTTP date (RFC 9110, section 10.2.3). The
 * one class besides the composition root that may read the wall clock (docs/architecture.md, "Time").
 */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The wait the response asks for; one second when absent or unreadable. A date is measured from the response's
     * own {@code Date} header, so neither our clock nor the server's needs to be right; only a response without
     * {@code Date} falls back to our wall clock, which then decides a wait, never an output.
     */
    static Duration of(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Instant sent = response.headers().firstValue("Date").map(RetryAfter::httpDate).orElseGet(Instant::now);
                Duration d = Duration.between(sent, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return Duration.ofSeconds(1);
            }
        }
    }

    /** An HTTP date, or null when unreadable. */
    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
