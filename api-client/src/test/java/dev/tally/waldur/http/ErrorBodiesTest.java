package dev.tally.waldur.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.waldur.WaldurJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBodiesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"detail\": \"Invalid token.\"}|Invalid token.",
        "{\"limits\": [\"Invalid types: x\"]}|limits: Invalid types: x",
        "[\"Offering is not available.\"]|Offering is not available.",
        "{\"non_field_errors\": [\"a\", \"b\"]}|a; b",
        "<html>Bad Gateway</html>|non-JSON body: <html>Bad Gateway</html>"})
    void flattensEveryDrfErrorShapeToOneLine(String body, String expected) {
        assertThat(ErrorBodies.describe(WaldurJson.newMapper(), body)).isEqualTo(expected);
    }
}
