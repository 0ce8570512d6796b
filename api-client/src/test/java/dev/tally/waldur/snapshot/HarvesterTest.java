package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.WaldurJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
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
        return new Harvester(new WaldurClient(config), "test", TestClients.CLOCK).harvest(out, collections, Harvester.Progress.NONE);
    }

    private static Manifest harvestInChunks(Path out, int pageSize, int concurrency, int chunkSize, Set<WaldurCollection> collections,
            Harvester.Progress progress) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                .pageSize(pageSize).concurrency(concurrency).build();
        return new Harvester(new WaldurClient(config), "test", TestClients.CLOCK, chunkSize).harvest(out, collections, progress);
    }

    /** The length of the longest line of {@code lines}, its newline included. */
    private static int longestLine(byte[] lines) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] == '\n') {
                longest = Math.max(longest, i + 1 - start);
                start = i + 1;
            }
        }
        return longest;
    }

    /** The uncompressed content of each gzip member of {@code file}, in order. */
    private static List<byte[]> members(Path file) throws Exception {
        byte[] gz = Files.readAllBytes(file);
        List<byte[]> members = new ArrayList<>();
        int at = 0;
        while (at < gz.length) {
            assertThat(Arrays.copyOfRange(gz, at, at + 4)).isEqualTo(new byte[] {0x1f, (byte) 0x8b, 8, 0});
            Inflater inflater = new Inflater(true);
            inflater.setInput(gz, at + 10, gz.length - at - 10);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                assertThat(n > 0 || !inflater.needsInput()).isTrue();
                content.write(buf, 0, n);
            }
            at = gz.length - inflater.getRemaining() + 8;
            inflater.end();
            members.add(content.toByteArray());
        }
        return members;
    }

    private static byte[] gunzip(Path file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static Set<String> gzipThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("tally-gzip"))
                .map(Thread::toString)
                .collect(Collectors.toSet());
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
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2026-11-02T06:00:00Z")).isEqualTo(s.manifest().startedAt());
        assertThat(m.finishedAt()).isEqualTo(m.startedAt());
    }

    @Test
    void refusesAManifestWithoutAHarvestTime(@TempDir Path dir) throws Exception {
        harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS));
        Path manifest = dir.resolve("s/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"started_at\" : \"2026-11-02T06:00:00Z\",", ""));

        assertThatThrownBy(() -> Snapshot.open(dir.resolve("s")))
                .isInstanceOf(SnapshotException.class)
                .hasMessage("snapshot " + dir.resolve("s") + " has no started_at in manifest.json");
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
    void readingWhileVerifyingGivesTheChecksumErrorForATamperedFileWhateverTheReaderSaid(@TempDir Path dir) throws Exception {
        harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS));
        Files.write(dir.resolve("s/customers.jsonl.gz"), new byte[] {1, 2, 3});

        Snapshot.Opening opening = Snapshot.opening(dir.resolve("s"));
        assertThatThrownBy(() -> opening.readWhileVerifying(s -> s.read(WaldurCollection.CUSTOMERS, Object.class)))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("customers.jsonl.gz does not match its SHA-256")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("not a complete gzip file")));
        // a reader that got through the damaged bytes is refused all the same: what it read never gets out
        Snapshot.Opening again = Snapshot.opening(dir.resolve("s"));
        assertThatThrownBy(() -> again.readWhileVerifying(s -> "read"))
                .isInstanceOf(SnapshotException.class)
                .hasMessageContaining("customers.jsonl.gz does not match its SHA-256");
    }

    @Test
    void readingWhileVerifyingHandsBackWhatWasReadOnceTheChecksumsMatch(@TempDir Path dir) throws Exception {
        Manifest m = harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS));

        List<Object> customers = Snapshot.opening(dir.resolve("s"))
                .readWhileVerifying(s -> s.read(WaldurCollection.CUSTOMERS, Object.class));

        assertThat((long) customers.size()).isEqualTo(m.collections().get("customers").count()).isPositive();
    }

    @Test
    void failedHarvestLeavesNoDirectory(@TempDir Path dir) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of("0".repeat(40))).build();
        Harvester harvester = new Harvester(new WaldurClient(config), "test", TestClients.CLOCK);

        assertThatThrownBy(() -> harvester.harvest(dir.resolve("out"), EnumSet.allOf(WaldurCollection.class), Harvester.Progress.NONE))
                .isInstanceOf(WaldurApiException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("Invalid token.");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void collectionLargerThanOneChunkIsWrittenAsManyMembersThatReadBackExactly(@TempDir Path dir) throws Exception {
        Set<WaldurCollection> collections = EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.RESOURCES);
        Manifest whole = harvest(dir.resolve("whole"), 300, 4, collections);
        Manifest small = harvestInChunks(dir.resolve("small"), 37, 1, 4096, collections, Harvester.Progress.NONE);
        Manifest big = harvestInChunks(dir.resolve("big"), 300, 4, 4096, collections, Harvester.Progress.NONE);

        Path file = dir.resolve("big/resources.jsonl.gz");
        List<byte[]> members = members(file);
        byte[] lines = gunzip(dir.resolve("whole/resources.jsonl.gz"));
        // Every member has the writer's header (no name, no timestamp, XFL 4 for the fastest level).
        assertThat(Arrays.copyOf(Files.readAllBytes(file), 10)).isEqualTo(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, (byte) 0xff});
        int min = CountingGzipWriter.minChunk(4096);
        assertThat(members.size()).isGreaterThan(lines.length / (4096 + longestLine(lines)))
                .isLessThanOrEqualTo(lines.length / min + 1);
        for (byte[] member : members.subList(0, members.size() - 1)) {
            // Each member holds whole lines: at least the minimum, and at most one line beyond the chunk size.
            assertThat(member.length).isGreaterThanOrEqualTo(min).isLessThan(4096 + longestLine(lines));
            assertThat(member[member.length - 1]).isEqualTo((byte) '\n');
        }
        assertThat(gunzip(file)).isEqualTo(lines);
        assertThat(Files.readAllBytes(dir.resolve("small/resources.jsonl.gz"))).isEqualTo(Files.readAllBytes(file));
        assertThat(checksums(small)).isEqualTo(checksums(big));
        assertThat(big.collections().get("resources").count()).isEqualTo(4000);
        assertThat(Snapshot.open(dir.resolve("big")).resources()).isEqualTo(Snapshot.open(dir.resolve("whole")).resources());
    }

    @Test
    void readsASingleMemberSnapshotWrittenBeforeChunking(@TempDir Path dir) throws Exception {
        Manifest m = harvest(dir.resolve("s"), 300, 4, EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.RESOURCES));
        Snapshot chunked = Snapshot.open(dir.resolve("s"));
        var customers = chunked.customers();
        var resources = chunked.resources();
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        for (Manifest.Entry e : m.collections().values()) {
            // Rewrite each file as one gzip stream, the way GZIPOutputStream wrote them in older harvests.
            Path file = dir.resolve("s").resolve(e.file());
            byte[] lines = gunzip(file);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(lines);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            entries.put(e.file().replace(".jsonl.gz", ""), new Manifest.Entry(e.file(), e.count(), sha));
        }
        Harvester.writeManifest(WaldurJson.newMapper(), dir.resolve("s"),
                new Manifest(m.format(), m.apiUrl(), m.startedAt(), m.finishedAt(), m.toolVersion(), entries));

        Snapshot single = Snapshot.open(dir.resolve("s"));

        assertThat(members(dir.resolve("s/resources.jsonl.gz"))).hasSize(1);
        assertThat(single.customers()).hasSize(11).isEqualTo(customers);
        assertThat(single.resources()).hasSize(4000).isEqualTo(resources);
    }

    @Test
    void emptyCollectionIsOneEmptyMember(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.jsonl.gz");
        try (CountingGzipWriter out = new CountingGzipWriter(file, 4096, 2)) {
            out.finish();
        }

        assertThat(members(file)).hasSize(1).allSatisfy(member -> assertThat(member).isEmpty());
        assertThat(gunzip(file)).isEmpty();
    }

    @Test
    void harvestFailingMidCollectionStopsTheGzipThreadsAndLeavesNoDirectory(@TempDir Path dir) throws Exception {
        Harvester.Progress failAfterHalf = (collection, fetched, total) -> {
            if (fetched >= 2000) {
                throw new IllegalStateException("stop at " + fetched);
            }
        };

        assertThatThrownBy(() -> harvestInChunks(dir.resolve("out"), 100, 4, 1024, EnumSet.of(WaldurCollection.RESOURCES), failAfterHalf))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stop at 2000");
        assertThat(gzipThreads()).isEmpty();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
