package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one object of a snapshot file from a streaming parser, for the readers that skip the typed records. */
@FunctionalInterface
interface ObjectParser {
    /**
     * Reads the object at {@code parser}'s current token ({@code START_OBJECT}) up to and including
     * its {@code END_OBJECT}. The parser's codec is the snapshot's mapper, so
     * {@code parser.readValueAs(type)} reads a field exactly as the typed records do.
     */
    void read(JsonParser parser) throws IOException;
}
