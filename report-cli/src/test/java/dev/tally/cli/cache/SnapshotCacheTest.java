package dev.tally.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Golden;
import dev.tally.cli.Main;
import dev.tally.cli.TestClock;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot cache (docs/cache.md) over the emulator's seed-42 snapshot, harvested over loopback HTTP: the same
 * report bytes without a cache, while building one, from it and from a damaged one; a stale one is rebuilt; an
 * unwritable place costs one note; a damaged snapshot is refused whatever the cache holds.
 */
class SnapshotCacheTest {
    private static final List<String> SECTIONS = List.of("summary", "access-type", "industry", "lumi-options", "ai-tech",
            "cost-trend", "usage-trend", "projects", "orders", "data-quality");

    record Run(int code, String out, String err) {
    }

    private static Run tally(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A copy of the demo snapshot's files (and nothing else) in {@code dir}. */
    private static Path copyOfDemo(Path dir) throws IOException {
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        try (Stream<Path> files = Files.list(DemoSnapshot.get())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, snapshot.resolve(f.getFileName()));
            }
        }
        return snapshot;
    }

    private static Run report(Path snapshot, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "--snapshot", snapshot.toString(), "--template",
                "monthly-consortium", "--month", "2026-10", "--format", "xlsx,csv,png,svg", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return tally(args.toArray(String[]::new));
    }

    private static Object identity(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(expected)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names);
        }
        assertThat(names).hasSizeGreaterThan(10);
        for (String n : names) {
            assertThat(Files.readAllBytes(actual.resolve(n))).as(n).isEqualTo(Files.readAllBytes(expected.resolve(n)));
        }
    }

    @Test
    void theReportIsTheSameBytesWithoutACacheWhileBuildingItFromItAndFromADamagedOne(@TempDir Path dir) throws Exception {
        Path snapshot = copyOfDemo(dir);
        Path cache = SnapshotCache.file(snapshot);

        Run without = report(snapshot, dir.resolve("without"), "--no-cache");
        assertThat(without.code()).isZero();
        assertThat(without.err()).isEmpty();
        assertThat(snapshot.resolve(Manifest.CACHE_DIR)).doesNotExist();

        Run building = report(snapshot, dir.resolve("building"));
        assertThat(building.code()).isZero();
        assertThat(building.err()).isEmpty();
        assertThat(cache).isRegularFile();
        Object built = identity(cache);

        Run from = report(snapshot, dir.resolve("from"));
        assertThat(from.code()).isZero();
        assertThat(from.err()).isEmpty();
        assertThat(identity(cache)).as("a matching cache is read, not rewritten").isEqualTo(built);

        // one byte changed in the middle of the data: the CRC-32C says so
        try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0x40);
        }
        Run damaged = report(snapshot, dir.resolve("damaged"));
        assertThat(damaged.code()).isZero();
        assertThat(damaged.err()).isEqualTo("tally: note: ignoring the damaged snapshot cache " + cache
                + " (CRC-32C mismatch); rebuilding it\n");
        assertThat(identity(cache)).as("rebuilt").isNotEqualTo(built);

        // cut short: the size says so before anything is read
        try (RandomAccessFile f = new RandomAccessFile(cache.toFile(), "rw")) {
            f.setLength(f.length() / 3);
        }
        Run truncated = report(snapshot, dir.resolve("truncated"));
        assertThat(truncated.code()).isZero();
        assertThat(truncated.err()).startsWith("tally: note: ignoring the damaged snapshot cache " + cache + " (");
        assertThat(report(snapshot, dir.resolve("again")).err()).as("the rebuilt cache is sound").isEmpty();

        for (String run : List.of("building", "from", "damaged", "truncated", "again")) {
            assertSameFiles(dir.resolve("without"), dir.resolve(run));
        }
        for (String section : SECTIONS) {
            String name = "monthly-consortium-2026-10-" + section + ".csv";
            Golden.assertMatches(dir.resolve("from").resolve(name), name);
        }
    }

    @Test
    void aCacheOfAnotherSnapshotOrBuildIsStaleAndRebuilt(@TempDir Path dir) throws Exception {
        Path demo = copyOfDemo(dir.resolve("demo"));
        String[] query = {"--group-by", "country", "--measure", "allocations,limit.gpu_k_hours,usage.gpu_k_hours,cost",
            "--year", "2026", "--where", "is_industry = true", "--format", "csv"};
        Run demoAnswer = tally(concat(new String[] {"query", "--snapshot", demo.toString()}, query));
        assertThat(SnapshotCache.file(demo)).isRegularFile();

        // another snapshot (another seed), harvested over HTTP, given the demo's cache
        Path other = dir.resolve("other").resolve("snapshot");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withScale(1).withSeed(4))) {
            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
            new Harvester(new WaldurClient(config), "test", emulator.clock())
                    .harvest(other, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
        }
        Run fresh = tally(concat(new String[] {"query", "--snapshot", other.toString(), "--no-cache"}, query));
        Files.createDirectories(SnapshotCache.file(other).getParent());
        Files.copy(SnapshotCache.file(demo), SnapshotCache.file(other));
        Object copied = identity(SnapshotCache.file(other));
        Run stale = tally(concat(new String[] {"query", "--snapshot", other.toString()}, query));
        assertThat(stale.code()).isZero();
        assertThat(stale.err()).as("stale is not damaged: no note").isEqualTo(fresh.err());
        assertThat(stale.out()).isEqualTo(fresh.out()).isNotEqualTo(demoAnswer.out());
        assertThat(identity(SnapshotCache.file(other))).as("rebuilt for this snapshot").isNotEqualTo(copied);
        assertThat(tally(concat(new String[] {"query", "--snapshot", other.toString()}, query)).out()).isEqualTo(fresh.out());

        // the same snapshot read by another Tally build: stale too
        Object built = identity(SnapshotCache.file(demo));
        StringWriter err = new StringWriter();
        SnapshotCache otherBuild = SnapshotCache.beside(dev.tally.cli.render.AtomicFiles.DIRECT, new PrintWriter(err), "another build");
        assertThat(otherBuild.cached(dev.tally.waldur.snapshot.Snapshot.opening(demo))).isEmpty();
        assertThat(err.toString()).isEmpty();
        assertThat(identity(SnapshotCache.file(demo))).isEqualTo(built);
    }

    @Test
    void aHarvestIntoTheSnapshotsDirectoryReplacesItsCache(@TempDir Path dir) throws Exception {
        Path snapshot = copyOfDemo(dir);
        assertThat(tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations").code()).isZero();
        assertThat(SnapshotCache.file(snapshot)).isRegularFile();
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withScale(1).withSeed(4))) {
            Path token = Files.writeString(dir.resolve("token"), emulator.staffToken());
            Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Run harvest = tally("harvest", "--url", emulator.baseUrl().toString(), "--token-file", token.toString(),
                    "--out", snapshot.toString(), "--quiet");
            assertThat(harvest.err()).isEmpty();
            assertThat(harvest.code()).isZero();
        }
        assertThat(snapshot.resolve(Manifest.CACHE_DIR)).as("gone with the snapshot it was derived from").doesNotExist();
    }

    @Test
    void whereNoCacheCanBeWrittenTheSnapshotIsReadWithOneNote(@TempDir Path dir) throws Exception {
        Path snapshot = copyOfDemo(dir);
        Run fresh = tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations,cost", "--no-cache");
        // a file where the cache folder would go: as unwritable as a read-only snapshot, even for root
        Files.writeString(snapshot.resolve(Manifest.CACHE_DIR), "in the way");
        Run run = tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations,cost");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(fresh.out());
        assertThat(run.err()).isEqualTo("tally: note: cannot write the snapshot cache in " + snapshot + " ("
                + snapshot.resolve(Manifest.CACHE_DIR) + " is in the way); reading the snapshot without one"
                + " (--no-cache skips the cache)\n" + fresh.err());
        assertThat(Files.readString(snapshot.resolve(Manifest.CACHE_DIR))).isEqualTo("in the way");
        assertThat(tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations,cost", "--no-cache").err())
                .isEqualTo(fresh.err());
    }

    @Test
    void aDamagedSnapshotIsRefusedEvenWithAMatchingCache(@TempDir Path dir) throws Exception {
        Path snapshot = copyOfDemo(dir);
        assertThat(tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations").code()).isZero();
        assertThat(SnapshotCache.file(snapshot)).isRegularFile();
        Files.write(snapshot.resolve("orders.jsonl.gz"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Run run = tally("query", "--snapshot", snapshot.toString(), "--measure", "allocations");
        assertThat(run.code()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("is damaged: orders.jsonl.gz does not match its SHA-256 in manifest.json").doesNotContain("\tat ");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
