package dev.tally.waldur;

import java.util.Objects;

/**
 * A Waldur API token. {@link #toString()} is redacted so that the key cannot reach a log line,
 * an exception message or a file by accident; only {@link #authorizationHeader()} reveals it.
 */
public final class ApiToken {
    private final String key;

    private ApiToken(String key) {
        this.key = key;
    }

    /** Wraps a token key; surrounding whitespace (a trailing newline in a token file) is dropped. */
    public static ApiToken of(String key) {
        Objects.requireNonNull(key, "key");
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the API token is empty");
        }
        if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the API token contains whitespace");
        }
        return new ApiToken(trimmed);
    }

    /** The value of the {@code Authorization} header: {@code Token <key>}. */
    public String authorizationHeader() {
        return "Token " + key;
    }

    /** Replaces every occurrence of the key in {@code text}, for messages that echo server input. */
    public String redact(String text) {
        return text == null ? null : text.replace(key, "[redacted]");
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
