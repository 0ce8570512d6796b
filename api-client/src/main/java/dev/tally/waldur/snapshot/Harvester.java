package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.ListListener;
import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Harvests Waldur collections into a snapshot directory. Everything is written into a hidden
 * sibling directory first and renamed into place only when every collection is complete and its
 * count matches {@code X-Result-Count}; a failed harvest leaves no output directory behind. Only a
 * new or empty directory or an existing snapshot is replaced ({@link #checkTarget}); the hidden
 * siblings a killed harvest left are removed by the next harvest into the same place.
 */
public final class Harvester {
    private final WaldurClient client;
    private final String toolVersion;
    private final Clock clock;
    private final int chunkSize;

    public Harvester(WaldurClient client, String toolVersion, Clock clock) {
        this(client, toolVersion, clock, CountingGzipWriter.DEFAULT_CHUNK_SIZE);
    }

    /** With {@code chunkSize} uncompressed bytes per gzip member; tests use small chunks to get many members. */
    Harvester(WaldurClient client, String toolVersion, Clock clock, int chunkSize) {
        this.client = client;
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /** Told about progress: which collection, how many objects so far, the total (-1 if unknown). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (collection, fetched, total) -> { };

        void onProgress(WaldurCollection collection, long fetched, long total);
    }

    /**
     * Throws a {@link SnapshotTargetException} unless {@code outDir} is a directory a harvest may
     * replace: one that does not exist, is empty, or holds a Tally snapshot. Callers check before
     * they connect, so a wrong {@code --out} fails at once; {@link #harvest} checks again.
     */
    public static void checkTarget(Path outDir) {
        SnapshotDirectories.checkReplaceable(outDir);
    }

    /**
     * Harvests {@code collections} (in {@link WaldurCollection} order) into {@code outDir}, replacing
     * it when {@link #checkTarget} allows. Staging siblings of {@code outDir} older than this run, left
     * by a killed harvest, are removed first; the old snapshot's sibling is removed once the new one is in place.
     */
    public Manifest harvest(Path outDir, Set<WaldurCollection> collections, Progress progress) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        checkTarget(target);
        Instant started = clock.instant();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        SnapshotDirectories.removeLeftovers(target, SnapshotDirectories.PARTIAL, started);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + SnapshotDirectories.PARTIAL);
        try {
            Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
            for (WaldurCollection c : WaldurCollection.values()) {
                if (collections.contains(c)) {
                    entries.put(c.id(), harvestOne(c, staging, progress));
                }
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, client.config().apiUrl().toString(), started,
                    clock.instant(), toolVersion, entries);
            writeManifest(client.mapper(), staging, manifest);
            SnapshotDirectories.publish(staging, target);
            SnapshotDirectories.removeLeftovers(target, SnapshotDirectories.OLD, started);
            return manifest;
        } catch (IOException | RuntimeException e) {
            SnapshotDirectories.deleteRecursively(staging);
            throw e;
        }
    }

    private Manifest.Entry harvestOne(WaldurCollection c, Path dir, Progress progress) throws IOException {
        String file = c.id() + ".jsonl.gz";
        try (CountingGzipWriter out = new CountingGzipWriter(dir.resolve(file), chunkSize, CountingGzipWriter.defaultThreads())) {
            ListListener listener = (fetched, total) -> progress.onProgress(c, fetched, total);
            // Objects are stored as received, one compact JSON line each, re-encoded by a streaming
            // copy on the fetching threads; the writer compresses chunks on its own threads, and this
            // thread only appends finished gzip members in order and hashes them.
            client.forEachPageLines(c.path(), Query.NONE, listener, page -> {
                try {
                    out.write(page.lines(), page.length(), page.size());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String sha = out.finish();
            return new Manifest.Entry(file, out.lines(), sha);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void writeManifest(ObjectMapper mapper, Path dir, Manifest manifest) throws IOException {
        Files.write(dir.resolve(Manifest.FILE_NAME), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }
}
