package dev.tally.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsTest {

    /** The slug rules as first written with regexes; the hand-written loop must agree with them. */
    private static String regexSlug(String name, String uuid) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase();
        if (base.isEmpty()) {
            base = "item";
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return base + "-" + uuid.substring(0, 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ångström-lab 1234", "Þór", "Łódź / 2024", "  --leading and trailing--  ", "", "***",
        "a", "A--B__C", "climate 😀 model", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "LUMI-O object storage", "9 lives", "ÆØÅ allocation"})
    void slugMatchesTheRegexRules(String name) {
        String uuid = "4f1c2a9b00e84d21bfa0c3d4e5f60718";

        assertThat(Records.slug(name, uuid)).isEqualTo(regexSlug(name, uuid));
    }
}
