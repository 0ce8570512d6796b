package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.EmulatorMain;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load (docs/reliability.md, "Proof"): the emulator at scale 5 serves 32 clients harvesting at once, and every one
 * of them gets a snapshot whose data files are byte for byte those of a clean harvest made alone before the load,
 * without an error. Each client is a Harvester of its own, with its own HTTP client (so its own connections),
 * its own parallel paging and its own output folder, all in this JVM: the check measures the emulator serving
 * them, not 32 JVM start-ups on a small machine. The emulator runs in a JVM of its own, as a real server would.
 * Results are counted, never timed. {@code tally.load.clients}, {@code tally.load.scale} and
 * {@code tally.load.collections} ({@code all}, or names such as {@code customers,projects}) size it for
 * {@code bench/reliability.sh}, which harvests every collection; {@code tally.load.emulatorHeap} sets the
 * emulator's heap (default 1g, what {@code ./tally emulator} runs with).
 */
class ConcurrentHarvestLoadTest {
    private static final int CLIENTS = Integer.getInteger("tally.load.clients", 32);
    private static final int SCALE = Integer.getInteger("tally.load.scale", 5);
    // the lists every report needs first; resources and usages of 32 clients at scale 5 would make the suite
    // minutes longer, so bench/reliability.sh asks for all of them
    private static final Set<WaldurCollection> COLLECTIONS =
            collections(System.getProperty("tally.load.collections", "customers,offerings,projects"));
    /**
     * Above the client's 60 s default: the check counts errors of the emulator, and on a 2-core machine shared with
     * other builds one of 128 requests in flight may wait in its queue for a minute without anything being wrong
     * with the server. A server that stops answering still fails the check within minutes.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);
    private static final Path EMULATOR_LOG = Path.of("target", "load-emulator.log");

    @Test
    void everyClientGetsTheSnapshotOfACleanHarvest(@TempDir Path dir) throws Exception {
        Map<String, String> clean;
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, String>> results = new ArrayList<>();
        Map<String, Integer> errors = new TreeMap<>();
        Process emulator = startEmulator();
        try {
            URI url = baseUrl(emulator);
            clean = harvest(url, dir.resolve("clean"), counts);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Map<String, String>>> runs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Path out = dir.resolve("client-" + c);
                    runs.add(pool.submit(() -> {
                        go.await();
                        return harvest(url, out, new TreeMap<>());
                    }));
                }
                go.countDown();
                for (Future<Map<String, String>> f : runs) {
                    try {
                        results.add(f.get());
                    } catch (ExecutionException e) {
                        errors.merge(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage(), 1, Integer::sum);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(30, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        long identical = results.stream().filter(clean::equals).count();
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("load: " + CLIENTS + " clients at scale " + SCALE + ", " + COLLECTIONS.size()
                + " collections: " + identical + " of " + CLIENTS + " snapshots complete and byte-identical to a clean"
                + " harvest, " + (results.size() - identical) + " different, " + errorCount + " errors ("
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + " each)" + (errors.isEmpty() ? "" : "; " + errors));

        assertThat(clean.keySet()).as("a complete snapshot: one data file per collection asked for")
                .isEqualTo(COLLECTIONS.stream().map(c -> c.id() + ".jsonl.gz").collect(Collectors.toSet()));
        assertThat(counts.get("projects")).isEqualTo(2500L * SCALE);
        assertThat(errors).isEmpty();
        assertThat(results).hasSize(CLIENTS).allMatch(clean::equals);
    }

    /** Harvests into {@code out}, verifies the snapshot and returns the SHA-256 of each data file as it is on disk. */
    private static Map<String, String> harvest(URI url, Path out, Map<String, Long> counts) throws Exception {
        WaldurClient client = new WaldurClient(TestClients.config(url, EmulatorConfig.DEFAULT_STAFF_TOKEN)
                .pageSize(300).concurrency(4).requestTimeout(REQUEST_TIMEOUT).build());
        Manifest m = new Harvester(client, "test", TestClients.CLOCK).harvest(out, COLLECTIONS, Harvester.Progress.NONE);
        Snapshot.open(out);
        assertThat(m.unavailable()).as("collections the server did not give").isEmpty();
        m.collections().forEach((collection, entry) -> counts.put(collection, entry.count()));
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out)) {
            for (Path f : list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("manifest.json")).toList()) {
                byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                files.put(f.getFileName().toString(), HexFormat.of().formatHex(sha));
            }
        }
        return files;
    }

    private static Set<WaldurCollection> collections(String names) {
        if (names.strip().equals("all")) {
            return EnumSet.allOf(WaldurCollection.class);
        }
        EnumSet<WaldurCollection> set = EnumSet.noneOf(WaldurCollection.class);
        Arrays.stream(names.split(",")).map(WaldurCollection::parse).forEach(set::add);
        return set;
    }

    /**
     * The emulator's own main class in a child JVM on a free loopback port, its output and garbage-collection log
     * kept in {@code target/} ({@link #EMULATOR_LOG}), so a server that stops answering leaves a trace to read.
     */
    private static Process startEmulator() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(EMULATOR_LOG.getParent());
        Files.deleteIfExists(EMULATOR_LOG);
        return new ProcessBuilder(java, "-Xmx" + System.getProperty("tally.load.emulatorHeap", "1g"),
                "-Xlog:gc:file=" + EMULATOR_LOG.resolveSibling("load-emulator-gc.log"), "-cp",
                System.getProperty("java.class.path"), EmulatorMain.class.getName(), "--port", "0", "--scale",
                String.valueOf(SCALE)).redirectErrorStream(true).redirectOutput(EMULATOR_LOG.toFile()).start();
    }

    /** Waits for the log line that names the emulator's URL. */
    private static URI baseUrl(Process emulator) throws Exception {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
        while (emulator.isAlive()) {
            Matcher m = listening.matcher(Files.readString(EMULATOR_LOG, StandardCharsets.UTF_8));
            if (m.find()) {
                return URI.create(m.group(1));
            }
            emulator.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the emulator exited before listening (exit " + emulator.exitValue() + "): "
                + Files.readString(EMULATOR_LOG, StandardCharsets.UTF_8));
    }
}
