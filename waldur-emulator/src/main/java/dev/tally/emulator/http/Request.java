package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.User;
import java.io.IOException;
import java.util.List;

/**
 * One parsed request.
 *
 * @param origin scheme, host and port as the client addressed us, e.g. {@code http://127.0.0.1:43127}; links are built on it
 * @param user   the authenticated user, or null for anonymous
 */
record Request(String method, String path, String rawQuery, QueryString query, String origin, byte[] body, User user) {

    boolean staff() {
        return user != null && user.staff();
    }

    String absoluteUrl() {
        return origin + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /** The JSON body as an object; an empty body is an empty object, anything else is a 400 like DRF's parser gives. */
    ObjectNode jsonObject() {
        if (body.length == 0) {
            return Json.NODES.objectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                return Json.NODES.objectNode();
            }
            if (!node.isObject()) {
                throw ApiException.field("non_field_errors", "Invalid data. Expected a dictionary, but got "
                        + (node.isArray() ? "list" : node.getNodeType().name().toLowerCase()) + ".");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw ApiException.detail(400, "JSON parse error - " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    List<String> params(String name) {
        return query.all(name);
    }
}
