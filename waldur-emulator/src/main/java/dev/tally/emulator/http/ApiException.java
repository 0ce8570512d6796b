package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import java.util.List;
import java.util.Map;

/** An error response in DRF's shapes (docs/emulator.md, "Errors"); thrown anywhere below the router and rendered by it. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient JsonNode body;
    private final transient Map<String, String> headers;

    ApiException(int status, JsonNode body, Map<String, String> headers) {
        super(status + " " + body);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    JsonNode body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    static ApiException detail(int status, String detail) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("detail", detail);
        return new ApiException(status, body, Map.of());
    }

    static ApiException unauthorized(String detail) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("detail", detail);
        return new ApiException(401, body, Map.of("WWW-Authenticate", "Token"));
    }

    static ApiException notFound(String model) {
        return detail(404, "No " + model + " matches the given query.");
    }

    static ApiException forbidden() {
        return detail(403, "You do not have permission to perform this action.");
    }

    static ApiException methodNotAllowed(String method) {
        return detail(405, "Method \"" + method + "\" not allowed.");
    }

    static ApiException wrongState(String... validStates) {
        return detail(409, "Valid states for operation: " + String.join(", ", validStates) + ".");
    }

    /** 400 {@code {"field": ["msg"]}}, the serializer and filter error shape. */
    static ApiException field(String field, String message) {
        ObjectNode body = Json.NODES.objectNode();
        body.putArray(field).add(message);
        return new ApiException(400, body, Map.of());
    }

    /** 400 with a bare list, what a ValidationError raised in a view gives. */
    static ApiException bare(String... messages) {
        return new ApiException(400, Json.NODES.arrayNode().addAll(
                List.of(messages).stream().map(Json.NODES::textNode).toList()), Map.of());
    }
}
