package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.http.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix (docs/reliability.md, "Proof"): one dataset harvested under each fault kind alone and all of
 * them mixed, every one over the same fault seeds. Every harvest must give exactly the bytes of the clean harvest,
 * or fail with one line and leave no directory behind; nothing in between. Odd seeds harvest with parallel page
 * fetches, even seeds one page after another, so the {@code next} links that parallel fetches do not follow are
 * followed too. The matrix size is a system property so that {@code bench/reliability.sh} can run it larger
 * ({@code tally.faultMatrix.seeds}, default 21 seeds, each running every kind alone and the mix).
 */
class FaultMatrixTest {
    /** Each kind alone (the seed picks one), then the mix every seed also runs. */
    static final List<String> KINDS = List.of(
            "429:0.15",
            "429:0.15,retry-after:none",
            "5xx:0.15",
            "reset:0.08",
            "slow:0.2",
            "truncate:0.08",
            "ties:shuffle",
            // a list's count changes between pages; its next links loop back, or never end without a count; a
            // page repeats the one before (docs/emulator.md, "Faults")
            "count:0.03",
            "loop:0.04",
            "endless:0.04",
            "repeat:0.1",
            // so heavy that some harvests run out of attempts: they must fail cleanly
            "5xx:0.5,reset:0.2");
    static final String MIXED = "429:0.05,retry-after:none,5xx:0.04,reset:0.03,slow:0.03,truncate:0.03,"
            + "count:0.005,loop:0.005,endless:0.005,repeat:0.03,ties:shuffle";
    private static final int SEEDS = Integer.getInteger("tally.faultMatrix.seeds", 21);
    private static final int SCALE = Integer.getInteger("tally.faultMatrix.scale", 1);
    private static final Set<WaldurCollection> COLLECTIONS = EnumSet.of(
            WaldurCollection.CUSTOMERS, WaldurCollection.PROJECTS, WaldurCollection.OFFERINGS);
    private static final RetryPolicy RETRIES = new RetryPolicy(6, Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofSeconds(30));

    @TempDir
    static Path root;
    static Emulator emulator;
    static Map<String, String> clean;
    /** Twice the largest clean list: an endless list stops at this bound after a few dozen pages. */
    static long maxListObjects;
    static final AtomicInteger same = new AtomicInteger();
    static final Map<String, Integer> sameByKind = new ConcurrentHashMap<>();
    static final Map<String, Integer> failures = new ConcurrentHashMap<>();

    @BeforeAll
    static void cleanHarvest() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withScale(SCALE));
        maxListObjects = dev.tally.waldur.WaldurClientConfig.DEFAULT_MAX_LIST_OBJECTS;
        Manifest m = harvest(root.resolve("clean"), 4);
        clean = files(m);
        maxListObjects = 2 * m.collections().values().stream().mapToLong(Manifest.Entry::count).max().orElseThrow();
    }

    @AfterAll
    static void stopAndReport() {
        emulator.close();
        // the figures docs/reliability.md records
        System.out.println("fault matrix: " + (same.get() + failures.values().stream().mapToInt(i -> i).sum())
                + " harvests, " + same.get() + " equal to the clean one, failed cleanly: " + new TreeMap<>(failures));
        for (String faults : Stream.concat(KINDS.stream(), Stream.of(MIXED)).toList()) {
            int equal = sameByKind.getOrDefault(faults, 0);
            int failed = failures.getOrDefault(faults, 0);
            System.out.println("fault kind: " + (faults.equals(MIXED) ? "mixed" : faults) + ": " + (equal + failed)
                    + " harvests, " + equal + " equal to the clean one, " + failed + " failed cleanly");
        }
    }

    static Stream<Object[]> runs() {
        return LongStream.rangeClosed(1, SEEDS).boxed().flatMap(seed -> Stream.concat(KINDS.stream(), Stream.of(MIXED))
                .map(faults -> new Object[] {faults, seed}));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void aHarvestIsTheCleanOneOrFailsLeavingNothing(String faults, long seed) throws Exception {
        Path out = root.resolve("run-" + seed + "-" + Math.abs(faults.hashCode()));
        emulator.setFaults(faults, seed);
        try {
            Manifest m = harvest(out, seed % 2 == 1 ? 4 : 1);
            Snapshot.open(out);
            assertThat(files(m)).as(faults + " seed " + seed).isEqualTo(clean);
            same.incrementAndGet();
            sameByKind.merge(faults, 1, Integer::sum);
        } catch (dev.tally.waldur.WaldurApiException | SnapshotException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(emulator.staffToken());
            assertThat(out).as("nothing left after " + e.getMessage()).doesNotExist();
            try (Stream<Path> left = Files.list(root)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial") || n.endsWith(".tmp"));
            }
            failures.merge(faults, 1, Integer::sum);
        } finally {
            emulator.setFaults("");
        }
    }

    private static Manifest harvest(Path out, int concurrency) throws Exception {
        WaldurClient client = new WaldurClient(TestClients.config(emulator.baseUrl(), emulator.staffToken())
                .retryPolicy(RETRIES).pageSize(100).concurrency(concurrency).maxListObjects(maxListObjects).build());
        return new Harvester(client, "test", TestClients.CLOCK).harvest(out, COLLECTIONS, Harvester.Progress.NONE);
    }

    /** Each collection's file name with its count and SHA-256 (which {@link Snapshot#open} checks against the bytes). */
    private static Map<String, String> files(Manifest m) {
        Map<String, String> out = new TreeMap<>();
        for (Manifest.Entry e : m.collections().values()) {
            out.put(e.file(), e.count() + " " + e.sha256());
        }
        return out;
    }
}
