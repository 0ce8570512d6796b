package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.ListListener;
import dev.tally.waldur.NotFoundException;
import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.http.JsonLinesPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Harvests Waldur collections into a snapshot directory. Everything is written into a hidden
 * sibling directory first and renamed into place only when every collection is complete and its
 * count matches {@code X-Result-Count}; a failed harvest leaves no output directory behind. Only a
 * new or empty directory or an existing snapshot is replaced ({@link #checkTarget}); the hidden
 * siblings a killed harvest left are removed by the next harvest into the same place.
 */
public final class Harvester {
    /** Where staff read any offering by UUID, Archived ones included. */
    static final String PROVIDER_OFFERINGS = "marketplace-provider-offerings/";

    private final WaldurClient client;
    private final String toolVersion;
    private final Clock clock;
    private final int chunkSize;
    private volatile List<String> backfilled = List.of();

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
        return publish(outDir, (started, staging) -> {
            Map<String, String> unavailable = new LinkedHashMap<>();
            Map<String, Manifest.Entry> entries = harvestAll(collections, staging, progress, started, unavailable, null);
            return new Manifest(Manifest.FORMAT, client.config().apiUrl().toString(), started, clock.instant(), toolVersion,
                    entries, backfilled, unavailable, null);
        });
    }

    /**
     * Harvests as {@link #harvest} does, fetching only what changed since the snapshot at {@code baseDir}
     * (docs/harvest.md, "Incremental harvest") and taking the rest from it; the data files come out as a full
     * harvest of the same server state would write them. The base is verified first, as reports verify with their
     * cache on ({@link Snapshot.Verification#REMEMBERED}: files checked before and unchanged since are not hashed
     * again): a damaged one is a {@link SnapshotException} before anything is fetched. The manifest names the base
     * and what was fetched.
     */
    public Manifest harvestSince(Path outDir, Path baseDir, IncrementalOptions options,
            Set<WaldurCollection> collections, Progress progress) throws IOException {
        Snapshot base = Snapshot.open(baseDir, Snapshot.Verification.REMEMBERED);
        return publish(outDir, (started, staging) -> {
            IncrementalHarvest increment = new IncrementalHarvest(client, base, options, started,
                    collections.contains(WaldurCollection.RESOURCES));
            Map<String, String> unavailable = new LinkedHashMap<>();
            Map<String, Manifest.Entry> entries = harvestAll(collections, staging, progress, started, unavailable, increment);
            return new Manifest(Manifest.FORMAT, client.config().apiUrl().toString(), started, clock.instant(),
                    toolVersion, entries, backfilled, unavailable, increment.summary());
        });
    }

    /** Fills a staging directory and returns its manifest. */
    @FunctionalInterface
    private interface Work {
        Manifest fill(Instant started, Path staging) throws IOException;
    }

    /** Runs {@code work} in a hidden sibling of {@code outDir} and renames it into place once complete. */
    private Manifest publish(Path outDir, Work work) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        checkTarget(target);
        Instant started = clock.instant();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        SnapshotDirectories.removeLeftovers(target, SnapshotDirectories.PARTIAL, started);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + SnapshotDirectories.PARTIAL);
        try {
            Manifest manifest = work.fill(started, staging);
            writeManifest(client.mapper(), staging, manifest);
            SnapshotDirectories.publish(staging, target);
            SnapshotDirectories.removeLeftovers(target, SnapshotDirectories.OLD, started);
            return manifest;
        } catch (IOException | RuntimeException e) {
            SnapshotDirectories.deleteRecursively(staging);
            throw e;
        }
    }

    /**
     * Every collection, in {@link WaldurCollection} order in the manifest. The offerings file stays open until orders
     * and resources are in: the offerings they name that the public list lacked (Archived ones) are then fetched one
     * by one and appended (docs/waldur.md, "Offerings the public list omits").
     */
    private Map<String, Manifest.Entry> harvestAll(Set<WaldurCollection> collections, Path dir, Progress progress,
            Instant started, Map<String, String> unavailable, IncrementalHarvest increment) throws IOException {
        Map<WaldurCollection, Manifest.Entry> done = new EnumMap<>(WaldurCollection.class);
        backfilled = List.of();
        Set<String> listed = ConcurrentHashMap.newKeySet();
        OfferingReferences references = new OfferingReferences();
        try (SortedLines offerings = sorted(WaldurCollection.OFFERINGS, dir)) {
            for (WaldurCollection c : WaldurCollection.values()) {
                if (!collections.contains(c)) {
                    continue;
                }
                if (c == WaldurCollection.OFFERINGS) {
                    copy(c, offerings, progress, page -> {
                        for (int i = 0; i < page.size(); i++) {
                            listed.add(normalised(page.uuid(i)));
                        }
                    });
                    continue;
                }
                if (c.optional()) {
                    harvestOptional(c, dir, progress, started, done, unavailable);
                    continue;
                }
                try (SortedLines lines = sorted(c, dir)) {
                    boolean names = c == WaldurCollection.ORDERS || c == WaldurCollection.RESOURCES;
                    Stored look = Stored.NONE;
                    Manifest.Entry entry;
                    if (increment == null || !increment.merges(c)) {
                        copy(c, lines, progress, names ? page -> references.scan(page.lines(), page.length()) : page -> { });
                        if (increment != null) {
                            increment.fetchedWhole(c, lines.count());
                        }
                    } else if ((entry = streamed(c, dir, increment, progress, names ? references : null)) != null) {
                        done.put(c, entry);
                        continue;
                    } else {
                        increment.merge(c, lines, (fetched, total) -> progress.onProgress(c, fetched, total));
                        if (names) {
                            // merged lines, not pages, name the offerings here
                            look = (uuid, line) -> references.scan(line, line.length);
                        }
                    }
                    Stored scan = look;
                    // a full harvest looks at no stored line (it scanned the pages), so it formats no UUID either
                    done.put(c, store(c, lines, dir, increment == null ? scan : (uuid, line) -> {
                        increment.stored(c, uuid, line);
                        scan.accept(uuid, line);
                    }));
                }
            }
            if (collections.contains(WaldurCollection.OFFERINGS)) {
                backfilled = appendUnlisted(offerings, references.missingFrom(listed));
                if (increment != null) {
                    increment.fetchedWhole(WaldurCollection.OFFERINGS, offerings.count());
                }
                done.put(WaldurCollection.OFFERINGS, store(WaldurCollection.OFFERINGS, offerings, dir, Stored.NONE));
            }
        }
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        done.forEach((c, e) -> entries.put(c.id(), e));
        return entries;
    }

    /** A collection's lines in canonical order: the ordering the harvest asks the server for, then the UUID. */
    static SortedLines sorted(WaldurCollection c, Path dir) {
        return new SortedLines(dir, CanonicalOrder.fields(c));
    }

    /** Writes a collection's lines, in canonical order (docs/harvest.md), as its gzipped data file. */
    private Manifest.Entry store(WaldurCollection c, SortedLines lines, Path dir, Stored look) throws IOException {
        try (CountingGzipWriter out = open(c, dir)) {
            lines.drain(line -> {
                if (look != Stored.NONE) {
                    look.accept(line.key().uuid(), line.bytes());
                }
                out.writeLine(line.buffer(), line.offset(), line.length(),
                        CountingGzipWriter.boundaryHash(line.key(), line.buffer(), line.offset(), line.length()));
            });
            return finish(c, out);
        }
    }

    /**
     * A merged collection streamed from its base file into its data file (docs/harvest.md, "Incremental harvest"),
     * or null where that cannot give a full harvest's lines (the file is then written again, from sorted lines).
     */
    private Manifest.Entry streamed(WaldurCollection c, Path dir, IncrementalHarvest increment, Progress progress,
            OfferingReferences references) throws IOException {
        try (CountingGzipWriter out = open(c, dir)) {
            boolean done = increment.stream(c, dir, out, (fetched, total) -> progress.onProgress(c, fetched, total),
                    (uuid, bytes, from, length) -> {
                        increment.stored(c, uuid, bytes, from, length);
                        if (references != null) {
                            references.scan(bytes, from, from + length);
                        }
                    });
            return done ? finish(c, out) : null;
        }
    }

    /** Shown each line as it is stored, with its UUID. */
    @FunctionalInterface
    private interface Stored {
        Stored NONE = (uuid, line) -> { };

        void accept(String uuid, byte[] line);
    }

    /**
     * An optional collection: the invoice items of the last full month before the harvest (docs/waldur.md, "Invoice
     * items"); a 403 or 404 leaves it out and names it in the manifest's {@code unavailable}.
     */
    private void harvestOptional(WaldurCollection c, Path dir, Progress progress, Instant started,
            Map<WaldurCollection, Manifest.Entry> done, Map<String, String> unavailable) throws IOException {
        java.time.YearMonth month = java.time.YearMonth.from(started.atZone(java.time.ZoneOffset.UTC)).minusMonths(1);
        Query query = Query.of("year", Integer.toString(month.getYear())).and("month", Integer.toString(month.getMonthValue()));
        try (SortedLines lines = sorted(c, dir)) {
            copy(c, query, lines, progress, page -> { });
            done.put(c, store(c, lines, dir, Stored.NONE));
        } catch (dev.tally.waldur.ForbiddenException | NotFoundException e) {
            Files.deleteIfExists(dir.resolve(fileName(c)));
            unavailable.put(c.id(), "HTTP " + e.status());
        }
    }

    /**
     * The UUIDs of the offerings the last harvest fetched by UUID because orders or resources named them and the
     * public list did not; empty when there were none.
     */
    public List<String> offeringsFetchedByUuid() {
        return backfilled;
    }

    /**
     * Appends each offering of {@code missing} as its provider view has it: Waldur's public offerings are 404 at
     * their detail URL too once Archived, but staff read every offering at {@code marketplace-provider-offerings/}.
     * One that is not found there either (a caller without rights to it) is left out: its allocations keep the
     * offering name their resources carry.
     */
    private List<String> appendUnlisted(SortedLines out, Set<String> missing) throws IOException {
        List<String> fetched = new ArrayList<>();
        for (String uuid : missing) {
            JsonNode offering;
            try {
                offering = client.getRaw(PROVIDER_OFFERINGS, uuid);
            } catch (NotFoundException e) {
                continue;
            }
            byte[] json = client.mapper().writeValueAsBytes(offering);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            out.add(offering.path("uuid").isTextual() ? offering.get("uuid").asText() : uuid, line);
            fetched.add(uuid);
        }
        return List.copyOf(fetched);
    }

    private CountingGzipWriter open(WaldurCollection c, Path dir) throws IOException {
        return new CountingGzipWriter(dir.resolve(fileName(c)), chunkSize, CountingGzipWriter.defaultThreads());
    }

    private static String fileName(WaldurCollection c) {
        return c.id() + ".jsonl.gz";
    }

    private static Manifest.Entry finish(WaldurCollection c, CountingGzipWriter out) throws IOException {
        String sha = out.finish();
        return new Manifest.Entry(fileName(c), out.lines(), sha);
    }

    /** Copies one list into {@code out}, showing each page to {@code look} first. */
    private void copy(WaldurCollection c, SortedLines out, Progress progress, Consumer<JsonLinesPage> look)
            throws IOException {
        copy(c, Query.NONE, out, progress, look);
    }

    private void copy(WaldurCollection c, Query query, SortedLines out, Progress progress, Consumer<JsonLinesPage> look)
            throws IOException {
        try {
            ListListener listener = (fetched, total) -> progress.onProgress(c, fetched, total);
            // Objects are stored as received, one compact JSON line each, re-encoded by a streaming
            // copy on the fetching threads; they are put in canonical order before the writer
            // compresses them (docs/harvest.md, "Canonical order").
            client.forEachPageLines(c.path(), query, listener, page -> {
                look.accept(page);
                try {
                    out.addAll(page.lines(), page.ends(), page.uuids());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String normalised(String uuid) {
        return uuid == null ? "" : uuid.replace("-", "").toLowerCase(Locale.ROOT);
    }

    static void writeManifest(ObjectMapper mapper, Path dir, Manifest manifest) throws IOException {
        Files.write(dir.resolve(Manifest.FILE_NAME), mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }
}
