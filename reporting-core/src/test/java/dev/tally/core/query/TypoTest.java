package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" names a known name only for what is plausibly a typo of it. */
class TypoTest {
    private static final List<String> MEASURES = List.of("allocations", "projects", "cost", "order_cost", "orders", "limit",
            "usage", "utilisation");

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(Typo.edits("cots", "cost")).isEqualTo(1);
        assertThat(Typo.edits("contry", "country")).isEqualTo(1);
        assertThat(Typo.edits("", "year")).isEqualTo(4);
        assertThat(Typo.meant("cots", MEASURES)).contains("cost");
        assertThat(Typo.meant("USGE", MEASURES)).contains("usage");
    }

    @Test
    void aShortNameMayBeOneEditOffALongerOneTwo() {
        assertThat(Typo.meant("csot", MEASURES)).contains("cost");
        assertThat(Typo.meant("cxxt", MEASURES)).isEmpty();
        assertThat(Typo.meant("ordrs_cost", MEASURES)).contains("order_cost");
        assertThat(Typo.meant("nonsense", MEASURES)).isEmpty();
    }
}
