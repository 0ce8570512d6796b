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

    /**
     * The serialized object for reading only, as {@link #render} gives it: a row stored as its tree hands out that
     * tree itself instead of a copy, so the caller must not change it and must read it under the store's lock.
     */
    default ObjectNode view() {
        return render();
    }
}
