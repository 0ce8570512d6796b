package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before faults and HEAD are applied; {@code body} null means no body (e.g. set_usage's 201). */
record Response(int status, Map<String, String> headers, JsonNode body) {

    static Response json(int status, JsonNode body) {
        return new Response(status, new LinkedHashMap<>(), body);
    }

    static Response empty(int status) {
        return new Response(status, new LinkedHashMap<>(), null);
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
