package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a harvest may write: never over something that is not a snapshot; crash leftovers are swept. */
class SnapshotTargetTest {
    private static final Set<WaldurCollection> CUSTOMERS = EnumSet.of(WaldurCollection.CUSTOMERS);
    private static Emulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withSeed(7));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private static Manifest harvest(Path out) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken())).build();
        return new Harvester(new WaldurClient(config), "test", TestClients.CLOCK).harvest(out, CUSTOMERS, Harvester.Progress.NONE);
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void refusesANonEmptyDirectoryThatIsNotASnapshotAndLeavesItAlone(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("thesis.tex"), "chapter 1");

        assertThatThrownBy(() -> harvest(work))
                .isInstanceOf(SnapshotTargetException.class)
                .hasMessage("refusing to write a snapshot to " + work + ": it is not empty and is not a Tally snapshot"
                        + " (no manifest.json of format tally-snapshot/1); choose a new or empty directory");
        assertThat(names(work)).containsExactly("thesis.tex");
        assertThat(Files.readString(work.resolve("thesis.tex"))).isEqualTo("chapter 1");
        assertThat(names(dir)).containsExactly("work");
    }

    @Test
    void refusesADirectoryWhoseManifestIsNotATallySnapshot(@TempDir Path dir) throws Exception {
        Path other = Files.createDirectories(dir.resolve("node-app"));
        Files.writeString(other.resolve("manifest.json"), "{\"format\":\"webapp/2\"}");

        assertThatThrownBy(() -> harvest(other)).isInstanceOf(SnapshotTargetException.class);
        assertThat(Files.readString(other.resolve("manifest.json"))).isEqualTo("{\"format\":\"webapp/2\"}");
    }

    @Test
    void refusesASnapshotThatAlsoHoldsSomeoneElsesFiles(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("snap");
        harvest(snap);
        Files.writeString(snap.resolve("notes.txt"), "my notes");

        assertThatThrownBy(() -> harvest(snap))
                .isInstanceOf(SnapshotTargetException.class)
                .hasMessage("refusing to write a snapshot to " + snap + ": it is a Tally snapshot but also holds notes.txt,"
                        + " which a harvest did not write; move it away or choose another directory");
        assertThat(names(snap)).containsExactly("customers.jsonl.gz", "manifest.json", "notes.txt");
        assertThat(Files.readString(snap.resolve("notes.txt"))).isEqualTo("my notes");
    }

    @Test
    void replacesASnapshotWithItsCacheFolderButNotOneWithACacheLinkOrFile(@TempDir Path dir) throws Exception {
        Path snap = dir.resolve("snap");
        harvest(snap);
        Files.createDirectories(snap.resolve(Manifest.CACHE_DIR));
        Files.writeString(snap.resolve(Manifest.CACHE_DIR).resolve("source.bin"), "derived");
        harvest(snap);
        assertThat(names(snap)).as("the cache went with the snapshot it was made from")
                .containsExactly("customers.jsonl.gz", "manifest.json");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(snap.resolve(Manifest.CACHE_DIR), elsewhere);
        assertThatThrownBy(() -> harvest(snap)).isInstanceOf(SnapshotTargetException.class)
                .hasMessageContaining("also holds .tally-cache");
        Files.delete(snap.resolve(Manifest.CACHE_DIR));
        Files.writeString(snap.resolve(Manifest.CACHE_DIR), "a file");
        assertThatThrownBy(() -> harvest(snap)).isInstanceOf(SnapshotTargetException.class)
                .hasMessageContaining("also holds .tally-cache");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void refusesAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");

        assertThatThrownBy(() -> harvest(file))
                .isInstanceOf(SnapshotTargetException.class)
                .hasMessage("refusing to write a snapshot to " + file + ": it is a file, not a snapshot directory");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void refusesTheFileSystemRoot() {
        assertThatThrownBy(() -> Harvester.checkTarget(Path.of("/")))
                .isInstanceOf(SnapshotTargetException.class)
                .hasMessage("refusing to write a snapshot to /: it is the root of the file system");
    }

    @Test
    void writesIntoAnEmptyDirectoryAndReplacesAnExistingSnapshot(@TempDir Path dir) throws Exception {
        Path snap = Files.createDirectories(dir.resolve("snap"));

        harvest(snap);
        harvest(snap);

        assertThat(names(snap)).containsExactly("customers.jsonl.gz", "manifest.json");
        assertThat(names(dir)).containsExactly("snap");
    }

    @Test
    void removesStalePartialsOfAKilledHarvestButNotANewerOneOrOneHoldingOtherFiles(@TempDir Path dir) throws Exception {
        Instant run = TestClients.CLOCK.instant();
        Path stale = Files.createDirectories(dir.resolve(".snap.partial-123"));
        Files.writeString(stale.resolve("orders.jsonl.gz"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(run.minus(Duration.ofHours(1))));
        Path running = Files.createDirectories(dir.resolve(".snap.partial-456"));
        Files.setLastModifiedTime(running, FileTime.from(run.plus(Duration.ofMinutes(1))));
        Path foreign = Files.createDirectories(dir.resolve(".snap.partial-789"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Files.setLastModifiedTime(foreign, FileTime.from(run.minus(Duration.ofHours(1))));
        Path otherTarget = Files.createDirectories(dir.resolve(".snapshots.partial-1"));
        Files.setLastModifiedTime(otherTarget, FileTime.from(run.minus(Duration.ofHours(1))));

        harvest(dir.resolve("snap"));

        assertThat(names(dir)).containsExactly(".snap.partial-456", ".snap.partial-789", ".snapshots.partial-1", "snap");
        assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void removesTheOldSnapshotAKilledReplacementLeftAsideOnceTheNewOneIsInPlace(@TempDir Path dir) throws Exception {
        Instant run = TestClients.CLOCK.instant();
        Path aside = Files.createDirectories(dir.resolve(".snap.old-42"));
        Files.writeString(aside.resolve("manifest.json"), "{\"format\":\"tally-snapshot/1\"}");
        Files.setLastModifiedTime(aside, FileTime.from(run.minus(Duration.ofDays(1))));

        harvest(dir.resolve("snap"));

        assertThat(names(dir)).containsExactly("snap");
    }
}
