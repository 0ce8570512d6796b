package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaldurClientConfigTest {
    private static final ApiToken TOKEN = ApiToken.of("abc");

    @Test
    void addsApiSuffixWhenMissing() {
        assertThat(WaldurClientConfig.builder(URI.create("https://puhuri.example"), TOKEN).build().apiUrl())
                .isEqualTo(URI.create("https://puhuri.example/api/"));
        assertThat(WaldurClientConfig.builder(URI.create("http://127.0.0.1:8080/api"), TOKEN).build().apiUrl())
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/"));
    }

    @Test
    void refusesPlainHttpToOtherHostsUnlessAllowed() {
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("http://waldur.example/api/"), TOKEN).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing plain http:// to waldur.example");
        assertThat(WaldurClientConfig.builder(URI.create("http://waldur.example/api/"), TOKEN).allowInsecureHttp(true).build()
                .apiUrl().getHost()).isEqualTo("waldur.example");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 301})
    void rejectsPageSizesWaldurWouldNotHonour(int size) {
        assertThatThrownBy(() -> WaldurClientConfig.builder(URI.create("https://h/"), TOKEN).pageSize(size).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page size (" + size + ") must be between 1 and 300");
    }
}
