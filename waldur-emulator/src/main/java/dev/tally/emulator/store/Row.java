package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One object of a collection, readable field by field (for filters and ordering) and as a whole. */
public interface Row {

    /** The 32-hex UUID, which is also the last path segment of the object's URL. */
    String uuid();

    /** The serialized value of one field, or {@code null} if the object has no such field. Links are paths. */
    JsonNode get(String field);

    /** A fresh copy of the serialized object; links are paths starting with {@code /api/}. */
    ObjectNode render();
}
