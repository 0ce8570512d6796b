package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before faults and HEAD are applied; {@code body} null means no body (e.g. set_usage's 201). A list page
 * comes already {@code encoded}, since its rows are read under the store's lock ({@link PageJson}); its body is null.
 */
record Response(int status, Map<String, String> headers, JsonNode body, byte[] encoded) {

    static Response json(int status, JsonNode body) {
        return new Response(status, new LinkedHashMap<>(), body, null);
    }

    /** A response whose body is the JSON text {@code encoded}, written as it is. */
    static Response encoded(int status, byte[] encoded) {
        return new Response(status, new LinkedHashMap<>(), null, encoded);
    }

    static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), null, null);
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
