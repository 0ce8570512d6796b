package dev.tally.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.quality.FindingKind;
import org.junit.jupiter.api.Test;

/** The data-quality sheet explains every kind of finding it can list, in words a reader acts on. */
class FindingsWordsTest {

    @Test
    void everyKindHasALabelAndASentenceOfMeaning() {
        for (FindingKind k : FindingKind.values()) {
            assertThat(FindingsTables.label(k)).as(k.key()).isNotEqualTo(k.key()).isNotBlank();
            assertThat(FindingsTables.meaning(k)).as(k.key()).isNotBlank().endsWith(".").doesNotContain("  ");
        }
        assertThat(FindingsTables.meaning(FindingKind.NEGATIVE_USAGE))
                .isEqualTo("A usage report below zero, which Waldur never records; counted as reported. "
                        + "Ask the provider to correct it.");
    }
}
