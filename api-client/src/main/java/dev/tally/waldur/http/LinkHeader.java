package dev.tally.waldur.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 8288 {@code Link} header as Waldur sends it: {@code <url>; rel="first", <url>; rel="next"}.
 */
public record LinkHeader(Map<String, URI> relations) {
    private static final Pattern ENTRY = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([A-Za-z]+)\"?");

    public LinkHeader {
        relations = Map.copyOf(relations);
    }

    /** Parses a header value; a missing or empty header gives no relations. */
    public static LinkHeader parse(String value) {
        Map<String, URI> relations = new LinkedHashMap<>();
        if (value != null) {
            Matcher m = ENTRY.matcher(value);
            while (m.find()) {
                relations.putIfAbsent(m.group(2), URI.create(m.group(1).trim()));
            }
        }
        return new LinkHeader(relations);
    }

    /** The {@code rel="next"} target, absent on the last page. */
    public Optional<URI> next() {
        return Optional.ofNullable(relations.get("next"));
    }
}
