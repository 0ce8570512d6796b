package dev.tally.cli.command;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them: {@code 1d}, {@code 12h}, {@code 30m}, {@code 45s}, or ISO-8601 ({@code PT6H}). */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([dhms])");

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.strip();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        try {
            return Duration.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 1d, 12h, 30m or PT6H)");
        }
    }
}
