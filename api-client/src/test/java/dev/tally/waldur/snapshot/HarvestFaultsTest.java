package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.http.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A harvest through injected faults gives the same bytes as a clean one, or fails leaving nothing behind. */
class HarvestFaultsTest {
    private static final String FAULTS = "429:0.05,5xx:0.03,reset:0.02,truncate:0.01";
    // Multi-page collections at page size 300 (projects ~9 pages, resources ~14) plus two small ones.
    private static final Set<WaldurCollection> COLLECTIONS = EnumSet.of(
            WaldurCollection.CUSTOMERS, WaldurCollection.PROJECTS, WaldurCollection.OFFERINGS, WaldurCollection.RESOURCES);

    private static Manifest harvest(Emulator emulator, Path out, RetryPolicy retries) throws Exception {
        WaldurClient client = new WaldurClient(TestClients.config(emulator.baseUrl(), emulator.staffToken())
                .retryPolicy(retries).pageSize(300).concurrency(4).build());
        return new Harvester(client, "test", TestClients.CLOCK).harvest(out, COLLECTIONS, Harvester.Progress.NONE);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void faultyHarvestIsByteIdenticalToACleanOne(long seed, @TempDir Path dir) throws Exception {
        // Objects carry absolute URLs, so the clean emulator must answer on the faulty one's port.
        EmulatorConfig config = EmulatorConfig.defaults().withSeed(seed);
        Manifest actual;
        int port;
        try (Emulator faulty = start(config.withFaults(FAULTS))) {
            port = faulty.port();
            actual = harvest(faulty, dir.resolve("faulty"), TestClients.FAST_RETRIES);
        }
        try (Emulator clean = start(config.withPort(port))) {
            Manifest expected = harvest(clean, dir.resolve("clean"), TestClients.FAST_RETRIES);

            assertThat(actual.collections()).isEqualTo(expected.collections());
            for (Manifest.Entry entry : expected.collections().values()) {
                assertThat(Files.readAllBytes(dir.resolve("faulty").resolve(entry.file())))
                        .as(entry.file()).isEqualTo(Files.readAllBytes(dir.resolve("clean").resolve(entry.file())));
            }
            assertThat(expected.collections().get("resources").count()).isEqualTo(4000);
        }
    }

    @Test
    void harvestWithEveryRequestFailingLeavesNoDirectory(@TempDir Path dir) throws Exception {
        RetryPolicy fewAttempts = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30));
        try (Emulator broken = start(EmulatorConfig.defaults().withSeed(3).withFaults("429:0.25,5xx:0.25,reset:0.25,truncate:0.25"))) {

            assertThatThrownBy(() -> harvest(broken, dir.resolve("out"), fewAttempts))
                    .isInstanceOf(WaldurApiException.class)
                    .hasMessageStartingWith("GET /api/customers/")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken.staffToken()).doesNotContain("\n"));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private static Emulator start(EmulatorConfig config) {
        try {
            return Emulator.start(config);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
