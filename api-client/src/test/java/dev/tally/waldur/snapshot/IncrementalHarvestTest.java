package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.emulator.store.Quirk;
import dev.tally.waldur.WaldurJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harvest --since}: after each kind of change a day brings (alone, then all together), the refreshed
 * snapshot's data files are byte for byte those of a full harvest of the same server state (docs/harvest.md).
 */
class IncrementalHarvestTest {
    private static final Set<WaldurCollection> ALL = EnumSet.allOf(WaldurCollection.class);
    private static final IncrementalOptions NO_OVERLAP = new IncrementalOptions(Duration.ZERO, 1);

    private static Emulator emulator;
    private static DayOfChanges day;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        day = new DayOfChanges(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void tidyFaults() {
        emulator.setFaults("");
    }

    private Harvester harvester(int pageSize, int concurrency) {
        WaldurClient client = new WaldurClient(TestClients.config(emulator.baseUrl(), emulator.staffToken())
                .pageSize(pageSize).concurrency(concurrency).build());
        return new Harvester(client, "test", emulator.clock());
    }

    private Path full(String name) throws Exception {
        Path dir = tmp.resolve(name);
        harvester(300, 4).harvest(dir, ALL, Harvester.Progress.NONE);
        return dir;
    }

    private Path since(String name, Path base, IncrementalOptions options) throws Exception {
        Path dir = tmp.resolve(name);
        harvester(300, 4).harvestSince(dir, base, options, ALL, Harvester.Progress.NONE);
        return dir;
    }

    /** Every data file of {@code refreshed} has the bytes (and so the count and SHA-256) of {@code full}'s. */
    private static void assertSameData(Path refreshed, Path full) throws Exception {
        Manifest a = Snapshot.open(refreshed).manifest();
        Manifest b = Snapshot.open(full).manifest();
        assertThat(a.collections()).isEqualTo(b.collections());
        for (Manifest.Entry e : b.collections().values()) {
            assertThat(Files.readAllBytes(refreshed.resolve(e.file()))).as(e.file())
                    .isEqualTo(Files.readAllBytes(full.resolve(e.file())));
        }
    }

    @Test
    void eachKindOfChangeAloneThenAllTogetherGivesTheFullHarvestsFiles() throws Exception {
        Path base = full("base");
        Path unchanged = since("unchanged", base, NO_OVERLAP);
        assertSameData(unchanged, base);
        Manifest.Incremental about = Snapshot.open(unchanged).manifest().incremental();
        assertThat(about.base()).isEqualTo(base.toAbsolutePath().normalize().toString());
        assertThat(about.usageMonths()).containsExactly("2026-10", "2026-11");
        assertThat(about.fetched().get("orders").how()).isEqualTo("modified");
        assertThat(about.fetched().get("customers").how()).isEqualTo("whole");
        assertThat(about.fetched().get("component-usages").how()).isEqualTo("billing_period");

        Path previous = unchanged;
        for (DayOfChanges.Kind kind : DayOfChanges.Kind.values()) {
            day.apply(kind);
            Path refreshed = since("since-" + kind, previous, NO_OVERLAP);
            assertSameData(refreshed, full("full-" + kind));
            previous = refreshed;
        }

        for (DayOfChanges.Kind kind : DayOfChanges.Kind.values()) {
            day.apply(kind);
        }
        assertSameData(since("since-all", previous, IncrementalOptions.DEFAULTS), full("full-all"));
    }

    @Test
    void holdsUnderShuffledTiesWithParallelPaging() throws Exception {
        Path base = harvestTied("tied-base", null);
        emulator.setFaults("");
        for (DayOfChanges.Kind kind : DayOfChanges.Kind.values()) {
            day.apply(kind);
        }
        Path refreshed = harvestTied("tied-since", base);
        emulator.setFaults("");
        assertSameData(refreshed, full("tidy-full"));
    }

    /** A harvest of small pages, four at a time, while the emulator lists tied rows in a new order per request. */
    private Path harvestTied(String name, Path base) throws Exception {
        emulator.setFaults("ties:shuffle");
        Path dir = tmp.resolve(name);
        Harvester harvester = harvester(25, 4);
        if (base == null) {
            harvester.harvest(dir, ALL, Harvester.Progress.NONE);
        } else {
            harvester.harvestSince(dir, base, NO_OVERLAP, ALL, Harvester.Progress.NONE);
        }
        return dir;
    }

    @Test
    void collectionsTheBaseLacksAreFetchedWholeAndUsagesAloneAreNotDropped() throws Exception {
        Path partial = tmp.resolve("partial");
        harvester(300, 4).harvest(partial, EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.RESOURCES),
                Harvester.Progress.NONE);
        Path refreshed = since("from-partial", partial, NO_OVERLAP);
        Path full = full("full-partial");
        assertSameData(refreshed, full);
        assertThat(Snapshot.open(refreshed).manifest().incremental().fetched().get("orders").how()).isEqualTo("whole");

        Path usagesOnly = tmp.resolve("usages-only");
        harvester(300, 4).harvestSince(usagesOnly, full, NO_OVERLAP, EnumSet.of(WaldurCollection.COMPONENT_USAGES),
                Harvester.Progress.NONE);
        assertThat(Files.readAllBytes(usagesOnly.resolve("component-usages.jsonl.gz")))
                .isEqualTo(Files.readAllBytes(full.resolve("component-usages.jsonl.gz")));
    }

    @Test
    void fetchesProjectsWholeWhereTheServerRejectsTheirModifiedFilter() throws Exception {
        try (Emulator old = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.PROJECTS_WITHOUT_MODIFIED))) {
            WaldurClient client = new WaldurClient(TestClients.config(old.baseUrl(), old.staffToken()).build());
            Harvester harvester = new Harvester(client, "test", old.clock());
            Path base = tmp.resolve("old-base");
            harvester.harvest(base, ALL, Harvester.Progress.NONE);
            new DayOfChanges(old).apply(DayOfChanges.Kind.RENAMED_PROJECT);

            Path refreshed = tmp.resolve("old-since");
            harvester.harvestSince(refreshed, base, NO_OVERLAP, ALL, Harvester.Progress.NONE);
            Path full = tmp.resolve("old-full");
            harvester.harvest(full, ALL, Harvester.Progress.NONE);

            assertSameData(refreshed, full);
            Manifest.Fetched projects = Snapshot.open(refreshed).manifest().incremental().fetched().get("projects");
            assertThat(projects.how()).isEqualTo("whole");
            assertThat(projects.kept()).isZero();
            assertThat(Snapshot.open(refreshed).manifest().incremental().fetched().get("orders").how())
                    .isEqualTo("modified");
        }
    }

    @Test
    void aBaseWrittenBeforeCanonicalOrderAndChunkingStillGivesTheFullHarvestsFiles() throws Exception {
        Path base = full("unsorted-base");
        Manifest m = Snapshot.open(base).manifest();
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Manifest.Entry> e : m.collections().entrySet()) {
            // One gzip stream as GZIPOutputStream wrote it, the lines in reverse (a paging order of old).
            Path file = base.resolve(e.getValue().file());
            List<String> lines;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?<=\n)")));
            }
            Collections.reverse(lines);
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(String.join("", lines).getBytes(StandardCharsets.UTF_8));
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            entries.put(e.getKey(), new Manifest.Entry(e.getValue().file(), e.getValue().count(), sha));
        }
        Harvester.writeManifest(WaldurJson.newMapper(), base,
                new Manifest(m.format(), m.apiUrl(), m.startedAt(), m.finishedAt(), m.toolVersion(), entries));
        day.apply(DayOfChanges.Kind.LIMIT_UPDATE);

        assertSameData(since("unsorted-since", base, NO_OVERLAP), full("unsorted-full"));
    }

    @Test
    void refusesADamagedBaseBeforeFetching() throws Exception {
        Path base = full("damaged");
        Path orders = base.resolve("orders.jsonl.gz");
        byte[] bytes = Files.readAllBytes(orders);
        bytes[bytes.length / 2] ^= 1;
        Files.write(orders, bytes);

        assertThatThrownBy(() -> since("never", base, NO_OVERLAP))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("orders.jsonl.gz does not match its SHA-256");
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
