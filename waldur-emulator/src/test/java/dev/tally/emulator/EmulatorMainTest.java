package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void parsesEveryOption() {
        EmulatorConfig config = EmulatorMain.parse("--port", "9001", "--scale", "2", "--seed", "7", "--faults",
                "429:0.1", "--staff-token", "0123456789abcdef0123456789abcdef01234567", "--order-delay-ms", "250");

        assertThat(config).isEqualTo(EmulatorConfig.defaults().withPort(9001).withScale(2).withSeed(7)
                .withFaults("429:0.1").withStaffToken("0123456789abcdef0123456789abcdef01234567")
                .withOrderProcessingDelay(Duration.ofMillis(250)));
    }

    @Test
    void rejectsAnUnknownFaultKind() {
        assertThatThrownBy(() -> EmulatorMain.parse("--faults", "boom:0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fault kind (boom); use 429, 5xx, reset, slow, truncate, count, loop, endless, repeat, ratelimit, retry-after or ties");
    }

    @Test
    void tiesAndRetryAfterJoinTheFaultSpecInEitherOrder() {
        EmulatorConfig config = EmulatorMain.parse("--ties", "shuffle", "--faults", "429:0.1", "--retry-after", "none");

        assertThat(config.faults()).isEqualTo("ties:shuffle,429:0.1,retry-after:none");
        assertThat(EmulatorConfig.defaults().withShuffledTies().faults()).isEqualTo("ties:shuffle");
    }

    @Test
    void rejectsAnUnknownTiesMode() {
        assertThatThrownBy(() -> EmulatorMain.parse("--ties", "random"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ties (random) must be shuffle or stable");
        assertThatThrownBy(() -> EmulatorMain.parse("--retry-after", "-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retry-after (-3) must be none or a number of seconds");
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        EmulatorConfig config = EmulatorConfig.defaults();

        assertThat(config.port()).isZero();
        assertThat(config.seed()).isEqualTo(42L);
        assertThat(config.scale()).isEqualTo(1);
        assertThat(config.staffToken()).hasSize(40);
        assertThat(config.faults()).isEmpty();
        assertThat(config.orderProcessingDelay()).isEqualTo(Duration.ZERO);
        assertThat(config.asOf()).hasToString("2026-11-01T00:00:00Z");
    }
}
