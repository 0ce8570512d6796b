package dev.tally.waldur.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/** Reads a {@link CanonicalUuid} field as a string (with Jackson's usual checks) and normalises it. */
final class CanonicalUuidDeserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    CanonicalUuidDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
        return Uuids.normalise(StringDeserializer.instance.deserialize(p, context));
    }
}
