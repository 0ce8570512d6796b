package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static final List<String> PAGES = List.of(
            "/api/customers/?page_size=300",
            "/api/marketplace-public-offerings/?page_size=300",
            "/api/projects/?page=4&page_size=300",
            "/api/marketplace-orders/?page=7&page_size=300",
            "/api/marketplace-resources/?page=13&page_size=300",
            "/api/marketplace-component-usages/?page=100&page_size=300");

    @Test
    void sameSeedGivesIdenticalBodies() throws IOException {
        try (Emulator first = Emulator.start(EmulatorConfig.defaults().withSeed(7));
             Emulator second = Emulator.start(EmulatorConfig.defaults().withSeed(7))) {
            for (String page : PAGES) {
                assertThat(body(second, page)).isEqualTo(body(first, page));
            }
        }
    }

    @Test
    void differentSeedGivesDifferentBodies() throws IOException {
        try (Emulator first = Emulator.start(EmulatorConfig.defaults().withSeed(7));
             Emulator second = Emulator.start(EmulatorConfig.defaults().withSeed(8))) {
            for (String page : PAGES) {
                assertThat(body(second, page)).isNotEqualTo(body(first, page));
            }
        }
    }

    // URLs carry each server's own port; everything else must match byte for byte.
    private static String body(Emulator emulator, String page) {
        String body = new Api(emulator, emulator.staffToken()).get(page).body();
        assertThat(body).startsWith("[{");
        return body.replace(emulator.baseUrl().toString(), "http://emulator/");
    }
}
