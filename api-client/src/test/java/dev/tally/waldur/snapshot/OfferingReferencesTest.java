package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferingReferencesTest {
    @Test
    void notesEveryOfferingUuidOfTheLinesAndReturnsThoseNotListedSorted() {
        byte[] lines = ("{\"uuid\":\"r1\",\"offering_uuid\":\"CC-01\",\"offering\":\"/x/\"}\n"
                + "{\"uuid\":\"r2\",\"offering_uuid\":\"aa02\"}\n"
                + "{\"uuid\":\"r3\",\"offering_uuid\":\"bb03\"}\n"
                + "{\"uuid\":\"r4\",\"offering_uuid\":null}\n").getBytes(StandardCharsets.US_ASCII);
        OfferingReferences references = new OfferingReferences();

        // only the first three lines, as a page's length may stop short of its buffer
        references.scan(lines, lines.length - "{\"uuid\":\"r4\",\"offering_uuid\":null}\n".length());

        assertThat(references.missingFrom(Set.of("bb03"))).containsExactly("aa02", "cc01");
        assertThat(references.missingFrom(Set.of("aa02", "bb03", "cc01"))).isEmpty();
    }
}
