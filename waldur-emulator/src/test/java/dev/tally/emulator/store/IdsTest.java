package dev.tally.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written formatters must give exactly the text of the JDK formatters they replaced. */
class IdsTest {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void uuidMatchesFormatterText() {
        SplittableRandom random = new SplittableRandom(42);
        SplittableRandom replay = new SplittableRandom(42);

        for (int i = 0; i < 10_000; i++) {
            long hi = (replay.nextLong() & ~0xF000L) | 0x4000L;
            long lo = (replay.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;

            assertThat(Ids.uuid(random)).isEqualTo(String.format("%016x%016x", hi, lo));
        }
    }

    @Test
    void tokenMatchesFormatterText() {
        SplittableRandom random = new SplittableRandom(7);
        SplittableRandom replay = new SplittableRandom(7);

        for (int i = 0; i < 1_000; i++) {
            String expected = String.format("%016x%016x%08x", replay.nextLong(), replay.nextLong(), replay.nextInt());

            assertThat(Ids.token(random)).isEqualTo(expected);
        }
    }

    @Test
    void hexHalvesRoundTrip() {
        String uuid = "4f1c2a9b00e84d21bfa0c3d4e5f60718";

        assertThat(Ids.hex(Ids.hexHalf(uuid, 0), Ids.hexHalf(uuid, 1))).isEqualTo(uuid);
    }

    @Test
    void timestampMatchesFormatterAcrossYearsAndMicros() {
        SplittableRandom random = new SplittableRandom(1);

        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));

            assertThat(Ids.timestamp(instant)).isEqualTo(TIMESTAMP.format(instant));
            assertThat(Ids.timestampMicros(Ids.micros(instant))).isEqualTo(TIMESTAMP.format(instant));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0999-12-31T23:59:59.999999Z", "1000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
        "2024-02-29T12:34:56.000001Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z",
        "-0001-06-15T08:00:00Z"})
    void timestampMatchesFormatterAtEdges(String text) {
        Instant instant = Instant.parse(text);

        assertThat(Ids.timestamp(instant)).isEqualTo(TIMESTAMP.format(instant));
    }
}
