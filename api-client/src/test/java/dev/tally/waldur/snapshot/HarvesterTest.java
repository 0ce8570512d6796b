package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvesterTest {
    private static final Set<WaldurCollection> PAGED = EnumSet.of(
            WaldurCollection.CUSTOMERS, WaldurCollection.OFFERINGS, WaldurCollection.RESOURCES);
    private static Emulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withSeed(7));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private static Manifest harvest(Path out, int pageSize, int concurrency, Set<WaldurCollection> collections) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                .pageSize(pageSize).concurrency(concurrency).build();
        return new Harvester(new WaldurClient(config), "test", Clock.systemUTC()).harvest(out, collections, Harvester.Progress.NONE);
    }

    private static Map<String, String> checksums(Manifest m) {
        return m.collections().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sha256()));
    }

    @Test
    void pageSizesOneSevenAndThreeHundredGiveTheSameSnapshot(@TempDir Path dir) throws Exception {
        // Page size 1 only over the small lists: one request per object is slow on 4,000 resources.
        Set<WaldurCollection> small = EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.OFFERINGS);
        Manifest one = harvest(dir.resolve("one"), 1, 4, small);
        Manifest seven = harvest(dir.resolve("seven"), 37, 1, PAGED);
        Manifest big = harvest(dir.resolve("big"), 300, 4, PAGED);

        assertThat(big.collections().get("resources").count()).isEqualTo(4000);
        assertThat(checksums(seven)).isEqualTo(checksums(big));
        for (String name : one.collections().keySet()) {
            assertThat(one.collections().get(name)).isEqualTo(big.collections().get(name));
            assertThat(Files.readAllBytes(dir.resolve("one").resolve(name + ".jsonl.gz")))
                    .isEqualTo(Files.readAllBytes(dir.resolve("big").resolve(name + ".jsonl.gz")));
        }
    }

    @Test
    void refusesASnapshotWithAMissingFile(@TempDir Path dir) throws Exception {
        harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.OFFERINGS));
        Files.delete(dir.resolve("s/offerings.jsonl.gz"));

        assertThatThrownBy(() -> Snapshot.open(dir.resolve("s")))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("snapshot " + dir.resolve("s") + " is incomplete: offerings.jsonl.gz is missing");
    }

    @Test
    void refusesASnapshotWhoseCountDisagreesWithItsManifest(@TempDir Path dir) throws Exception {
        harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS));
        Path manifest = dir.resolve("s/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"count\" : 11", "\"count\" : 12"));

        assertThatThrownBy(() -> Snapshot.open(dir.resolve("s")).customers())
                .isInstanceOf(SnapshotException.class)
                .hasMessage("snapshot " + dir.resolve("s") + " is inconsistent: customers.jsonl.gz holds 11 objects but manifest.json says 12");
    }

    @Test
    void refusesADirectoryWithoutAManifest(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("s"));

        assertThatThrownBy(() -> Snapshot.open(dir.resolve("s")))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("not a snapshot: " + dir.resolve("s") + " has no manifest.json");
    }

    @Test
    void snapshotReadsBackTypedRecordsWithVerifiedCounts(@TempDir Path dir) throws Exception {
        Manifest m = harvest(dir.resolve("s"), 300, 4, EnumSet.allOf(WaldurCollection.class));

        Snapshot s = Snapshot.open(dir.resolve("s"));

        assertThat(s.resources()).hasSize((int) m.collections().get("resources").count());
        assertThat(s.orders()).hasSize((int) m.collections().get("orders").count());
        assertThat(s.offerings()).allSatisfy(o -> assertThat(o.uuid()).hasSize(32));
        assertThat(m.apiUrl()).isEqualTo(emulator.baseUrl() + "api/").doesNotContain(emulator.staffToken());
    }

    @Test
    void refusesATamperedSnapshot(@TempDir Path dir) throws Exception {
        harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS));
        Files.write(dir.resolve("s/customers.jsonl.gz"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> Snapshot.open(dir.resolve("s")))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("customers.jsonl.gz does not match its SHA-256");
    }

    @Test
    void failedHarvestLeavesNoDirectory(@TempDir Path dir) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of("0".repeat(40))).build();
        Harvester harvester = new Harvester(new WaldurClient(config), "test", Clock.systemUTC());

        assertThatThrownBy(() -> harvester.harvest(dir.resolve("out"), EnumSet.allOf(WaldurCollection.class), Harvester.Progress.NONE))
                .isInstanceOf(WaldurApiException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Invalid token.");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
