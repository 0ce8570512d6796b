package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.EmulatorMain;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load (docs/reliability.md, "Proof"): the emulator at scale 5 serves 32 clients harvesting at once, each with its
 * own parallel paging, and every one of them gets the same snapshot without an error. Results are counted, never
 * timed. {@code tally.load.clients} and {@code tally.load.scale} make it larger for {@code bench/reliability.sh}.
 * The emulator runs in a JVM of its own, as a real server would: its scale-5 dataset and 32 harvests do not
 * share one test heap.
 */
class ConcurrentHarvestLoadTest {
    private static final int CLIENTS = Integer.getInteger("tally.load.clients", 32);
    private static final int SCALE = Integer.getInteger("tally.load.scale", 5);
    // the lists every report needs first; resources and usages at scale 5 would make the test minutes long
    private static final Set<WaldurCollection> COLLECTIONS = EnumSet.of(
            WaldurCollection.CUSTOMERS, WaldurCollection.OFFERINGS, WaldurCollection.PROJECTS);

    @Test
    void everyClientGetsTheSameSnapshot(@TempDir Path dir) throws Exception {
        List<Map<String, String>> results = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Process emulator = startEmulator();
        try {
            URI url = baseUrl(emulator);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Map<String, String>>> runs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    Path out = dir.resolve("client-" + c);
                    runs.add(pool.submit(() -> harvest(url, out)));
                }
                for (Future<Map<String, String>> f : runs) {
                    try {
                        results.add(f.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add(String.valueOf(e.getCause().getMessage()));
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
        System.out.println("load: " + CLIENTS + " clients at scale " + SCALE + ", " + results.size() + " snapshots, "
                + errors.size() + " errors, " + (results.isEmpty() ? 0 : results.get(0)) + " each");

        assertThat(errors).isEmpty();
        assertThat(results).hasSize(CLIENTS).allMatch(r -> r.equals(results.get(0)));
        assertThat(results.get(0).get("projects.jsonl.gz")).startsWith(2500 * SCALE + " ");
    }

    /** The emulator's own main class in a child JVM on a free loopback port. */
    private static Process startEmulator() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(),
                "--port", "0", "--scale", String.valueOf(SCALE)).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to the line that names its URL, then keeps draining it so it never blocks. */
    private static URI baseUrl(Process emulator) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "emulator-output");
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException("the emulator exited before listening (exit " + emulator.exitValue() + ")");
    }

    private static Map<String, String> harvest(URI url, Path out) throws Exception {
        WaldurClient client = new WaldurClient(TestClients.config(url, EmulatorConfig.DEFAULT_STAFF_TOKEN)
                .pageSize(300).concurrency(4).build());
        Manifest m = new Harvester(client, "test", TestClients.CLOCK).harvest(out, COLLECTIONS, Harvester.Progress.NONE);
        Snapshot.open(out);
        Map<String, String> files = new TreeMap<>();
        m.collections().values().forEach(e -> files.put(e.file(), e.count() + " " + e.sha256()));
        return files;
    }
}
