package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompactFieldsTest {
    private static final String[] NAME_CREATED = {"name", "created"};

    private static String[] compact(String line, String... names) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        String[] values = new String[names.length];
        return CompactFields.read(bytes, 0, bytes.length, names, values) ? values : null;
    }

    @Test
    void readsTopLevelScalarsOfACompactLineSkippingNestedValues() {
        String line = "{\"uuid\":\"a1\",\"attributes\":{\"name\":\"inner\",\"list\":[1,{\"created\":\"x\"}]},"
                + "\"note\":\"say \\\"hi\\\", {not} [nested]\",\"name\":\"Café\",\"created\":\"2024-01-02T03:04:05Z\"}";

        assertThat(compact(line, NAME_CREATED)).containsExactly("Café", "2024-01-02T03:04:05Z");
    }

    @Test
    void numbersAndBooleansAsWrittenNullAndStructuresAsNull() {
        String line = "{\"a\":-1.50,\"b\":true,\"c\":null,\"d\":{},\"e\":[]}";

        assertThat(compact(line, "a", "b", "c", "d", "e", "missing"))
                .containsExactly("-1.50", "true", null, null, null, null);
    }

    @Test
    void leavesToTheParserWhatItIsNotSureOf() {
        assertThat(compact("{\"name\":\"a\\\"b\"}", "name")).isNull();          // an escape in the wanted value
        assertThat(compact("{\"na\\u006de\":\"a\"}", "name")).isNull();         // an escape in a key
        assertThat(compact("{\"name\": \"a\"}", "name")).isNull();              // whitespace
        assertThat(compact("{\"name\":\"a\",\"name\":\"b\"}", "name", "created")).isNull(); // a name twice
        assertThat(compact("[1,2]", "name")).isNull();
    }

    @Test
    void agreesWithTheParserThroughTopLevelFields() {
        byte[] tricky = "{\"name\" : \"a\\\"b\", \"created\":2}\n".getBytes(StandardCharsets.UTF_8);

        assertThat(TopLevelFields.read(tricky, 0, tricky.length, NAME_CREATED)).containsExactly("a\"b", "2");
        assertThat(compact("{\"created\":\"2020\",\"x\":1}", NAME_CREATED)).containsExactly(null, "2020");
    }
}
