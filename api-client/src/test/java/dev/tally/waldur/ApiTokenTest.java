package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiTokenTest {
    private static final String KEY = "787de6b7c581ab6d9d42fe9ec12ac9f1811c5811";

    @Test
    void neverShowsTheKeyInToString() {
        ApiToken token = ApiToken.of(KEY + "\n");

        assertThat(token.toString()).doesNotContain(KEY).isEqualTo("ApiToken[redacted]");
        assertThat(token.authorizationHeader()).isEqualTo("Token " + KEY);
        assertThat(token.redact("bad token " + KEY + "!")).isEqualTo("bad token [redacted]!");
    }

    @Test
    void rejectsEmptyTokens() {
        assertThatThrownBy(() -> ApiToken.of("  \n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the API token is empty");
    }
}
