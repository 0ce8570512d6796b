package dev.tally.waldur;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * List filters as repeated {@code name=value} pairs, in the order added. Waldur's multi-value
 * filters repeat the parameter ({@code ?state=OK&state=Erred}, docs/waldur.md, Conventions).
 */
public record Query(List<Map.Entry<String, String>> params) {
    public static final Query NONE = new Query(List.of());

    public Query {
        params = List.copyOf(params);
    }

    public static Query of(String name, String value) {
        return NONE.and(name, value);
    }

    /** A copy with one more parameter; a {@code null} value is skipped so optional filters chain easily. */
    public Query and(String name, String value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> copy = new ArrayList<>(params);
        copy.add(Map.entry(name, value));
        return new Query(copy);
    }

    /** Whether the parameter is present at least once. */
    public boolean has(String name) {
        return params.stream().anyMatch(e -> e.getKey().equals(name));
    }

    /** A copy with the parameter repeated once per value. */
    public Query andAll(String name, Iterable<String> values) {
        Query q = this;
        for (String v : values) {
            q = q.and(name, v);
        }
        return q;
    }

    /** The encoded query string without the leading {@code ?}; empty when there are no parameters. */
    public String encode() {
        StringJoiner joiner = new StringJoiner("&");
        for (Map.Entry<String, String> e : params) {
            joiner.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return joiner.toString();
    }
}
