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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The lists of one incremental harvest (docs/harvest.md, "Incremental harvest"), merged with a verified base
 * snapshot into the lines a full harvest of the same server state would store. Customers and offerings are fetched
 * whole by {@link Harvester}; this class does orders, resources, projects and component usages.
 */
final class IncrementalHarvest {
    private static final String[] USAGE_FIELDS = {"billing_period", "resource_uuid", "uuid"};
    private static final String[] UUID = {"uuid"};

    private final WaldurClient client;
    private final Snapshot base;
    private final Instant since;
    private final List<YearMonth> usageMonths;
    private final LocalJoins joins;
    private final Set<String> resources = new HashSet<>();
    private final Map<String, Manifest.Fetched> fetched = new LinkedHashMap<>();
    private final boolean harvestsResources;

    IncrementalHarvest(WaldurClient client, Snapshot base, IncrementalOptions options, Instant now,
            boolean harvestsResources) {
        this.client = client;
        this.harvestsResources = harvestsResources;
        this.base = base;
        this.joins = new LocalJoins(base);
        this.since = base.manifest().startedAt().minus(options.overlap());
        YearMonth baseMonth = YearMonth.from(base.manifest().startedAt().atZone(ZoneOffset.UTC));
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = baseMonth.minusMonths(options.usageMonths()); !m.isAfter(current); m = m.plusMonths(1)) {
            months.add(m);
        }
        this.usageMonths = List.copyOf(months);
    }

    /**
     * Whether this class merges {@code c}: projects, orders, resources and usages that the base holds (a base
     * harvested without one gives nothing to merge with, so it is fetched whole); usages only with resources
     * harvested too, which decide which base usages still belong. Any other collection is fetched whole.
     */
    boolean merges(WaldurCollection c) {
        if (!base.has(c)) {
            return false;
        }
        return switch (c) {
            case PROJECTS, ORDERS, RESOURCES -> true;
            case COMPONENT_USAGES -> harvestsResources;
            default -> false;
        };
    }

    /** Merges {@code c} into {@code out}. */
    void merge(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        if (c == WaldurCollection.COMPONENT_USAGES) {
            mergeUsages(out, listener);
        } else {
            mergeModified(c, out, listener);
        }
    }

    /** Receives each line of a streamed merge as it is written, with its UUID; the buffer is reused after. */
    @FunctionalInterface
    interface Written {
        void accept(String uuid, byte[] bytes, int from, int length) throws IOException;
    }

    /**
     * Merges {@code c} as {@link #merge} does, but streams: the base file, already in canonical order, is read once
     * past the few fetched lines (sorted among themselves in {@code dir}) and each line goes straight to {@code out},
     * which copies the base's gzip members that come out unchanged ({@link BaseMembers}). Returns false, with
     * {@code out} to be discarded, where streaming cannot give the full harvest's lines: a base not in canonical
     * order (written before it), a project list without {@code modified}, or listed objects that neither the base nor
     * the modified list holds; then {@link #merge} does it.
     */
    boolean stream(WaldurCollection c, Path dir, CountingGzipWriter out, ListListener listener, Written written)
            throws IOException {
        Manifest.Entry entry = base.manifest().collections().get(c.id());
        Path file = base.dir().resolve(entry.file());
        // Snapshot.open verified the base's checksums before this run fetched anything
        try (SortedLines fresh = Harvester.sorted(c, dir); BaseMembers members = new BaseMembers(file, entry.sha256())) {
            out.reuse(members);
            Merge merge = new Merge(c, fresh, out, written);
            boolean done = c == WaldurCollection.COMPONENT_USAGES
                    ? streamUsages(fresh, members, merge, listener)
                    : streamModified(c, fresh, members, merge, listener);
            if (done) {
                out.endChunk();
            }
            out.reuse(CountingGzipWriter.Reuse.NONE);
            return done;
        } catch (NotCanonical e) {
            return false;
        }
    }

    private boolean streamModified(WaldurCollection c, SortedLines fresh, BaseMembers members, Merge merge,
            ListListener listener) throws IOException {
        Set<String> changed = new HashSet<>();
        try {
            list(c, Query.of("modified", modifiedBound(c)), listener, (uuid, line) -> {
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
        list(c, Query.of("field", "uuid"), ListListener.NONE, (uuid, line) -> listed.add(LineKey.normalised(uuid)));
        long modifiedCount = fresh.count();
        long[] kept = {0};
        long[] dropped = {0};
        Set<String> seen = new HashSet<>(changed);
        // a modified line of an object no longer listed was deleted since
        merge.start(UUID, line -> listed.contains(LineKey.normalised(line.key().uuid())));
        members.forEachLine((bytes, from, length) -> {
            String uuid = merge.read(bytes, from, length);
            String key = uuid == null ? null : LineKey.normalised(uuid);
            if (key == null || !listed.contains(key)) {
                dropped[0]++;
            } else if (!changed.contains(key)) {
                seen.add(key);
                kept[0]++;
                merge.base(uuid, bytes, from, length);
            } else {
                joins.replacedBase(c, bytes, from, length);
            }
        });
        seen.retainAll(listed);
        if (seen.size() != listed.size()) {
            joins.streamed(c, false);
            return false;
        }
        merge.finish();
        joins.streamed(c, true);
        fetched.put(c.id(), new Manifest.Fetched("modified", modifiedCount, 0, kept[0], dropped[0]));
        return true;
    }

    private boolean streamUsages(SortedLines fresh, BaseMembers members, Merge merge, ListListener listener)
            throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        long received = 0;
        for (YearMonth month : usageMonths) {
            long before = fresh.count();
            list(c, Query.of("billing_period", month.atDay(1).toString()), listener, fresh::add);
            received += fresh.count() - before;
        }
        String first = usageMonths.isEmpty() ? null : usageMonths.get(0).atDay(1).toString();
        long[] kept = {0};
        long[] dropped = {0};
        merge.start(USAGE_FIELDS, line -> true);
        members.forEachLine((bytes, from, length) -> {
            String uuid = merge.read(bytes, from, length);
            String period = merge.value(0);
            String resource = merge.value(1);
            if (first != null && period != null && period.compareTo(first) >= 0) {
                return;
            }
            if (resource != null && !resources.contains(LineKey.normalised(resource))) {
                dropped[0]++;
                return;
            }
            kept[0]++;
            merge.base(uuid, bytes, from, length);
        });
        merge.finish();
        fetched.put(c.id(), new Manifest.Fetched("billing_period", received, 0, kept[0], dropped[0]));
        return true;
    }

    /** Thrown when the base's lines are not in canonical order, so a streamed merge cannot hold. */
    private static final class NotCanonical extends RuntimeException {
        NotCanonical() {
            super("the base snapshot is not in canonical order", null, false, false);
        }
    }

    /**
     * One streamed merge: base lines (in canonical order, checked) and the fetched lines of {@code fresh}, written to
     * {@code out} in canonical order, each kept base line with its joined names as of now ({@link LocalJoins}).
     */
    private final class Merge {
        private final WaldurCollection c;
        private final SortedLines fresh;
        private final CountingGzipWriter out;
        private final Written written;
        private final String[] order;
        private final boolean rewrites;
        private SortedLines.Cursor cursor;
        private SortedLines.Line head;
        private LineKey last;
        private String[] names;
        private String[] values;
        private Predicate<SortedLines.Line> keep;

        Merge(WaldurCollection c, SortedLines fresh, CountingGzipWriter out, Written written) {
            this.c = c;
            this.fresh = fresh;
            this.out = out;
            this.written = written;
            this.order = CanonicalOrder.fields(c);
            this.rewrites = joins.rewrites(c);
        }

        /**
         * Starts the merge: base lines are read for {@code fields} (their UUID last) and the order fields; fetched
         * lines are written where {@code keep} holds.
         */
        void start(String[] fields, Predicate<SortedLines.Line> keep) throws IOException {
            this.keep = keep;
            names = Arrays.copyOf(fields, fields.length + order.length);
            System.arraycopy(order, 0, names, fields.length, order.length);
            cursor = fresh.cursor();
            head = cursor.next();
        }

        /** Reads a base line's fields and returns its UUID (the last of the fields {@link #start} was given). */
        String read(byte[] bytes, int from, int length) {
            values = TopLevelFields.read(bytes, from, length, names);
            return values[names.length - order.length - 1];
        }

        /** The value of field {@code i} of the line last {@link #read}. */
        String value(int i) {
            return values[i];
        }

        /** Writes the fetched lines before a kept base line, then the line, as of now. */
        void base(String uuid, byte[] bytes, int from, int length) throws IOException {
            LineKey key = LineKey.of(Arrays.copyOfRange(values, names.length - order.length, names.length), uuid);
            if (last != null && key.compareTo(last) < 0) {
                throw new NotCanonical();
            }
            last = key;
            byte[] buffer = bytes;
            int start = from;
            int size = length;
            if (rewrites) {
                buffer = joins.apply(c, Arrays.copyOfRange(bytes, from, from + length));
                start = 0;
                size = buffer.length;
            }
            SortedLines.Line line = new SortedLines.Line(key, buffer, start, size);
            while (head != null && SortedLines.Line.ORDER.compare(head, line) < 0) {
                fetchedLine(head);
                head = cursor.next();
            }
            write(line);
        }

        /** Writes the fetched lines after the last base line and ends the merge. */
        void finish() throws IOException {
            while (head != null) {
                fetchedLine(head);
                head = cursor.next();
            }
            cursor.close();
        }

        private void fetchedLine(SortedLines.Line line) throws IOException {
            if (keep.test(line)) {
                write(line);
            }
        }

        private void write(SortedLines.Line line) throws IOException {
            out.writeLine(line.buffer(), line.offset(), line.length(),
                    CountingGzipWriter.boundaryHash(line.key(), line.buffer(), line.offset(), line.length()));
            written.accept(line.key().uuid(), line.buffer(), line.offset(), line.length());
        }
    }

    /** What the manifest records about this run. */
    Manifest.Incremental summary() {
        return new Manifest.Incremental(base.dir().toAbsolutePath().normalize().toString(), base.manifest().startedAt(),
                since, usageMonths.stream().map(YearMonth::toString).toList(), fetched);
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
        if (LocalJoins.isSource(c) && uuid != null) {
            joins.record(c, uuid, from == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, from, from + length));
        }
        if (c == WaldurCollection.RESOURCES && uuid != null) {
            resources.add(LineKey.normalised(uuid));
        }
    }

    /**
     * Orders, resources and projects: those modified since {@link #since}, the UUIDs of all of them, and the rest
     * from the base snapshot. Base objects whose UUID the server no longer lists are dropped (deleted); listed ones
     * that neither the modified list nor the base holds are fetched by UUID. Projects fall back to a whole fetch
     * where the server has no {@code modified} filter (a 400).
     */
    void mergeModified(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        Map<String, byte[]> changed = new HashMap<>();
        Map<String, String> changedUuid = new HashMap<>();
        try {
            list(c, Query.of("modified", modifiedBound(c)), listener, (uuid, line) -> {
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
        list(c, Query.of("field", "uuid"), ListListener.NONE, (uuid, line) -> {
            listed.add(LineKey.normalised(uuid));
            listedUuid.put(LineKey.normalised(uuid), uuid);
        });
        Set<String> present = new HashSet<>();
        long[] kept = {0};
        long[] dropped = {0};
        base.forEachLine(c, line -> {
            String uuid = TopLevelFields.read(line, 0, line.length, UUID)[0];
            String key = uuid == null ? null : LineKey.normalised(uuid);
            if (key == null || !listed.contains(key)) {
                dropped[0]++;
            } else if (!changed.containsKey(key)) {
                out.add(uuid, joins.apply(c, line));
                present.add(key);
                kept[0]++;
            }
        });
        for (Map.Entry<String, byte[]> e : changed.entrySet()) {
            if (listed.contains(e.getKey())) {
                out.add(changedUuid.get(e.getKey()), e.getValue());
                present.add(e.getKey());
            }
        }
        long byUuid = 0;
        for (String key : listed) {
            if (!present.contains(key) && fetchOne(c, listedUuid.get(key), out)) {
                byUuid++;
            }
        }
        fetched.put(c.id(), new Manifest.Fetched("modified", changed.size(), byUuid, kept[0], dropped[0]));
    }

    /**
     * Component usages: every usage of the billing months from {@link #usageMonths}, and the older months from the
     * base snapshot, without those of resources that are gone (an unlinked resource takes its usages with it).
     */
    void mergeUsages(SortedLines out, ListListener listener) throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        String first = usageMonths.isEmpty() ? null : usageMonths.get(0).atDay(1).toString();
        long[] kept = {0};
        long[] dropped = {0};
        base.forEachLine(c, line -> {
            String[] f = TopLevelFields.read(line, 0, line.length, USAGE_FIELDS);
            String period = f[0];
            String resource = f[1];
            if (first != null && period != null && period.compareTo(first) >= 0) {
                return;
            }
            if (resource != null && !resources.contains(LineKey.normalised(resource))) {
                dropped[0]++;
                return;
            }
            out.add(f[2], joins.apply(c, line));
            kept[0]++;
        });
        long received = 0;
        for (YearMonth month : usageMonths) {
            long[] count = {0};
            list(c, Query.of("billing_period", month.atDay(1).toString()), listener, (uuid, line) -> {
                out.add(uuid, line);
                count[0]++;
            });
            received += count[0];
        }
        fetched.put(c.id(), new Manifest.Fetched("billing_period", received, 0, kept[0], dropped[0]));
    }

    /**
     * The {@code modified} bound as each list takes it (docs/waldur.md, "Incremental filters"): resources' filter is
     * date-only in some Waldur versions and date-time in others, and a date is accepted by both, so resources get
     * the day (which only widens the overlap); orders and projects get the instant.
     */
    private String modifiedBound(WaldurCollection c) {
        if (c == WaldurCollection.RESOURCES) {
            return since.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return since.toString();
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
