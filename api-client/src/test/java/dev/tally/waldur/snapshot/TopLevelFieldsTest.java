package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TopLevelFields#read}: only top-level scalars, as Jackson reads them, whichever path reads the line. */
class TopLevelFieldsTest {
    private static final String[] NAMES = {"uuid", "created", "cost"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":{\"uuid\":\"nested\"},\"uuid\":\"top\",\"created\":\"2026\",\"cost\":1.50} | top | 2026 | 1.50",
        "{\"uuid\":\"top\",\"b\":[{\"created\":\"x\"},\"]\"],\"created\":null,\"cost\":true} | top | null | true",
        "{\"uuid\":\"t\\\"q\",\"created\":\"é\",\"name\":\"}{\"} | t\"q | é | null",
        "{ \"uuid\" : \"spaced\" , \"cost\" : -2e3 } | spaced | null | -2e3",
        "{\"created\":{\"uuid\":\"x\"},\"cost\":[1]} | null | null | null",
        "{} | null | null | null",
    })
    void readsTopLevelScalarsOnly(String line, String uuid, String created, String cost) {
        byte[] bytes = ("  " + line + "\n").getBytes(StandardCharsets.UTF_8);

        String[] values = TopLevelFields.read(bytes, 2, bytes.length - 2, NAMES);

        assertThat(values).containsExactly(nullable(uuid), nullable(created), nullable(cost));
    }

    private static String nullable(String s) {
        return "null".equals(s) ? null : s;
    }
}
