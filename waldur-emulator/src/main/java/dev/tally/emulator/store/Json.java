package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one shared, configured ObjectMapper; decimals are read as BigDecimal so money never passes through double. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private Json() {
    }
}
