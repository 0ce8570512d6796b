package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.waldur.BadRequestException;
import dev.tally.waldur.ListListener;
import dev.tally.waldur.NotFoundException;
import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The lists of one incremental harvest (docs/harvest.md, "Incremental harvest"), merged with a verified base
 * snapshot into the lines a full harvest of the same server state would store. Customers and offerings are fetched
 * whole by {@link Harvester}; this class does orders, resources, projects and component usages: it fetches what its
 * {@link RefreshPlan} names and hands the lines to its {@link SnapshotMerge}.
 */
final class IncrementalHarvest {
    private final WaldurClient client;
    private final Snapshot base;
    private final RefreshPlan plan;
    private final SnapshotMerge merge;
    private final Map<String, Manifest.Fetched> fetched = new LinkedHashMap<>();

    IncrementalHarvest(WaldurClient client, Snapshot base, IncrementalOptions options, Instant now,
            boolean harvestsResources) {
        this.client = client;
        this.base = base;
        this.merge = new SnapshotMerge(base);
        this.plan = new RefreshPlan(base, options, now, harvestsResources);
    }

    /** Whether this class merges {@code c} ({@link RefreshPlan#merges}); any other collection is fetched whole. */
    boolean merges(WaldurCollection c) {
        return plan.merges(c);
    }

    /** Merges {@code c} into {@code out}. */
    void merge(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        if (c == WaldurCollection.COMPONENT_USAGES) {
            mergeUsages(out, listener);
        } else {
            mergeModified(c, out, listener);
        }
    }

    /**
     * Merges {@code c} as {@link #merge} does, but streams: the base file, already in canonical order, is read once
     * past the few fetched lines (sorted among themselves in {@code dir}) and each line goes straight to {@code out},
     * which copies the base's gzip members that come out unchanged ({@link BaseMembers}). Returns false, with
     * {@code out} to be discarded, where streaming cannot give the full harvest's lines: a base not in canonical
     * order (written before it), a project list without {@code modified}, or listed objects that neither the base nor
     * the modified list holds; then {@link #merge} does it.
     */
    boolean stream(WaldurCollection c, Path dir, CountingGzipWriter out, ListListener listener,
            SnapshotMerge.Written written) throws IOException {
        Manifest.Entry entry = base.manifest().collections().get(c.id());
        Path file = base.dir().resolve(entry.file());
        // Snapshot.open verified the base's checksums before this run fetched anything
        try (SortedLines fresh = Harvester.sorted(c, dir); BaseMembers members = new BaseMembers(file, entry.sha256())) {
            out.reuse(members);
            SnapshotMerge.Streamed streamed = merge.streamed(c, fresh, members, out, written);
            boolean done = c == WaldurCollection.COMPONENT_USAGES
                    ? streamUsages(fresh, streamed, listener)
                    : streamModified(c, fresh, streamed, listener);
            if (done) {
                out.endChunk();
            }
            out.reuse(CountingGzipWriter.Reuse.NONE);
            return done;
        } catch (SnapshotMerge.NotCanonical e) {
            return false;
        }
    }

    private boolean streamModified(WaldurCollection c, SortedLines fresh, SnapshotMerge.Streamed streamed,
            ListListener listener) throws IOException {
        Set<String> changed = new HashSet<>();
        try {
            list(c, plan.modified(c), listener, (uuid, line) -> {
                changed.add(LineKey.normalised(uuid));
                fresh.add(uuid, line);
            });
        } catch (BadRequestException e) {
            if (c != WaldurCollection.PROJECTS) {
                throw e;
            }
            return false;
        }
        Set<String> listed = new HashSet<>();
        list(c, plan.uuids(), ListListener.NONE, (uuid, line) -> listed.add(LineKey.normalised(uuid)));
        long modifiedCount = fresh.count();
        SnapshotMerge.Counts counts = streamed.modified(changed, listed);
        if (counts == null) {
            return false;
        }
        fetched.put(c.id(), new Manifest.Fetched("modified", modifiedCount, 0, counts.kept(), counts.dropped()));
        return true;
    }

    private boolean streamUsages(SortedLines fresh, SnapshotMerge.Streamed streamed, ListListener listener)
            throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        long received = 0;
        for (YearMonth month : plan.usageMonths()) {
            long before = fresh.count();
            list(c, plan.usages(month), listener, fresh::add);
            received += fresh.count() - before;
        }
        SnapshotMerge.Counts counts = streamed.usages(plan.firstUsagePeriod());
        fetched.put(c.id(), new Manifest.Fetched("billing_period", received, 0, counts.kept(), counts.dropped()));
        return true;
    }

    /** What the manifest records about this run. */
    Manifest.Incremental summary() {
        return plan.summary(fetched);
    }

    /** Notes a fetched-whole collection for the manifest. */
    void fetchedWhole(WaldurCollection c, long count) {
        fetched.put(c.id(), new Manifest.Fetched("whole", count, 0, 0, 0));
    }

    /**
     * Notes a line of the new snapshot as it is stored: other collections join names from it, and component usages
     * keep only base rows whose resource is still there.
     */
    void stored(WaldurCollection c, String uuid, byte[] line) {
        stored(c, uuid, line, 0, line.length);
    }

    /** As {@link #stored(WaldurCollection, String, byte[])}, for {@code bytes[from, from + length)}. */
    void stored(WaldurCollection c, String uuid, byte[] bytes, int from, int length) {
        merge.stored(c, uuid, bytes, from, length);
    }

    /**
     * Orders, resources and projects: those modified since the plan's bound, the UUIDs of all of them, and the rest
     * from the base snapshot. Base objects whose UUID the server no longer lists are dropped (deleted); listed ones
     * that neither the modified list nor the base holds are fetched by UUID. Projects fall back to a whole fetch
     * where the server has no {@code modified} filter (a 400).
     */
    void mergeModified(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        Map<String, byte[]> changed = new HashMap<>();
        Map<String, String> changedUuid = new HashMap<>();
        try {
            list(c, plan.modified(c), listener, (uuid, line) -> {
                String key = LineKey.normalised(uuid);
                changed.put(key, line);
                changedUuid.put(key, uuid);
            });
        } catch (BadRequestException e) {
            if (c != WaldurCollection.PROJECTS) {
                throw e;
            }
            long[] count = {0};
            list(c, Query.NONE, listener, (uuid, line) -> {
                out.add(uuid, line);
                count[0]++;
            });
            fetched.put(c.id(), new Manifest.Fetched("whole", count[0], 0, 0, 0));
            return;
        }
        Set<String> listed = new HashSet<>();
        Map<String, String> listedUuid = new HashMap<>();
        list(c, plan.uuids(), ListListener.NONE, (uuid, line) -> {
            listed.add(LineKey.normalised(uuid));
            listedUuid.put(LineKey.normalised(uuid), uuid);
        });
        SnapshotMerge.Modified merged = merge.modified(c, changed, changedUuid, listed, out);
        long byUuid = 0;
        for (String key : merged.missing()) {
            if (fetchOne(c, listedUuid.get(key), out)) {
                byUuid++;
            }
        }
        fetched.put(c.id(), new Manifest.Fetched("modified", changed.size(), byUuid, merged.counts().kept(),
                merged.counts().dropped()));
    }

    /**
     * Component usages: every usage of the plan's billing months, and the older months from the base snapshot,
     * without those of resources that are gone (an unlinked resource takes its usages with it).
     */
    void mergeUsages(SortedLines out, ListListener listener) throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        SnapshotMerge.Counts counts = merge.usages(plan.firstUsagePeriod(), out);
        long received = 0;
        for (YearMonth month : plan.usageMonths()) {
            long[] count = {0};
            list(c, plan.usages(month), listener, (uuid, line) -> {
                out.add(uuid, line);
                count[0]++;
            });
            received += count[0];
        }
        fetched.put(c.id(), new Manifest.Fetched("billing_period", received, 0, counts.kept(), counts.dropped()));
    }

    /** Receives one object of a list. */
    @FunctionalInterface
    private interface LineConsumer {
        void accept(String uuid, byte[] line) throws IOException;
    }

    private void list(WaldurCollection c, Query query, ListListener listener, LineConsumer sink) throws IOException {
        try {
            client.forEachPageLines(c.path(), query, listener, page -> {
                int start = 0;
                int index = 0;
                byte[] bytes = page.lines();
                for (int i = 0; i < page.length(); i++) {
                    if (bytes[i] == '\n') {
                        try {
                            sink.accept(page.uuid(index++), Arrays.copyOfRange(bytes, start, i + 1));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        start = i + 1;
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Fetches one object the list names but neither the base nor the modified list held; false if it is gone. */
    private boolean fetchOne(WaldurCollection c, String uuid, SortedLines out) throws IOException {
        JsonNode object;
        try {
            object = client.getRaw(c.path(), uuid);
        } catch (NotFoundException e) {
            return false;
        }
        byte[] json = client.mapper().writeValueAsBytes(object);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        out.add(uuid, line);
        return true;
    }
}
