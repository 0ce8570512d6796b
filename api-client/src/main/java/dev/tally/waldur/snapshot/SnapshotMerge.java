package dev.tally.waldur.snapshot;

import dev.tally.waldur.WaldurCollection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The fetched lines of one incremental harvest merged with its base snapshot's files (docs/harvest.md, "Incremental
 * harvest"): which base lines are kept, which dropped as deleted, and each kept line with its joined names as of now
 * ({@link LocalJoins}), so that the result is the lines a full harvest of the same server state would store. It
 * fetches nothing: {@link IncrementalHarvest} hands it the lists.
 */
final class SnapshotMerge {
    private static final String[] USAGE_FIELDS = {"billing_period", "resource_uuid", "uuid"};
    private static final String[] UUID = {"uuid"};

    private final Snapshot base;
    private final LocalJoins joins;
    private final Set<String> resources = new HashSet<>();

    SnapshotMerge(Snapshot base) {
        this.base = base;
        this.joins = new LocalJoins(base);
    }

    /** How many base lines a merge kept and dropped as deleted, for the manifest. */
    record Counts(long kept, long dropped) {
    }

    /** A merge by {@code modified}: its counts and the listed keys that neither the base nor the modified list held. */
    record Modified(Counts counts, List<String> missing) {
    }

    /** Receives each line of a streamed merge as it is written, with its UUID; the buffer is reused after. */
    @FunctionalInterface
    interface Written {
        void accept(String uuid, byte[] bytes, int from, int length) throws IOException;
    }

    /** Thrown when the base's lines are not in canonical order, so a streamed merge cannot hold. */
    static final class NotCanonical extends RuntimeException {
        NotCanonical() {
            super("the base snapshot is not in canonical order", null, false, false);
        }
    }

    /**
     * Notes a line of the new snapshot as it is stored, {@code bytes[from, from + length)}: other collections join
     * names from it, and component usages keep only base rows whose resource is still there.
     */
    void stored(WaldurCollection c, String uuid, byte[] bytes, int from, int length) {
        if (LocalJoins.isSource(c) && uuid != null) {
            joins.record(c, uuid, from == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, from, from + length));
        }
        if (c == WaldurCollection.RESOURCES && uuid != null) {
            resources.add(LineKey.normalised(uuid));
        }
    }

    /**
     * Adds to {@code out} the base lines of {@code c} still {@code listed} and not {@code changed}, then the changed
     * lines still listed; base lines no longer listed are dropped (deleted). All maps and sets are keyed by the
     * normalised UUID; {@code changedUuid} gives a changed line's UUID as the server sent it.
     */
    Modified modified(WaldurCollection c, Map<String, byte[]> changed, Map<String, String> changedUuid,
            Set<String> listed, SortedLines out) throws IOException {
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
        List<String> missing = new ArrayList<>();
        for (String key : listed) {
            if (!present.contains(key)) {
                missing.add(key);
            }
        }
        return new Modified(new Counts(kept[0], dropped[0]), missing);
    }

    /**
     * Adds to {@code out} the base's component usages of the months before {@code firstPeriod} (all of them where it
     * is null) whose resource is still there: an unlinked resource takes its usages with it.
     */
    Counts usages(String firstPeriod, SortedLines out) throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        long[] kept = {0};
        long[] dropped = {0};
        base.forEachLine(c, line -> {
            String[] f = TopLevelFields.read(line, 0, line.length, USAGE_FIELDS);
            switch (usage(firstPeriod, f[0], f[1])) {
                case REFETCHED -> { }
                case DROPPED -> dropped[0]++;
                case KEPT -> {
                    out.add(f[2], joins.apply(c, line));
                    kept[0]++;
                }
            }
        });
        return new Counts(kept[0], dropped[0]);
    }

    /** What becomes of a base usage: fetched again (its month is), dropped (its resource is gone) or kept. */
    private enum Fate { REFETCHED, DROPPED, KEPT }

    /** The one rule for a base usage of billing {@code period} and {@code resource} (either may be absent). */
    private Fate usage(String firstPeriod, String period, String resource) {
        if (firstPeriod != null && period != null && period.compareTo(firstPeriod) >= 0) {
            return Fate.REFETCHED;
        }
        if (resource != null && !resources.contains(LineKey.normalised(resource))) {
            return Fate.DROPPED;
        }
        return Fate.KEPT;
    }

    /**
     * A streamed merge of {@code c}: the base file read from {@code members}, the fetched lines of {@code fresh}
     * (sorted among themselves), written to {@code out} in canonical order and shown to {@code written}.
     */
    Streamed streamed(WaldurCollection c, SortedLines fresh, BaseMembers members, CountingGzipWriter out,
            Written written) {
        return new Streamed(c, fresh, members, out, written);
    }

    /**
     * One streamed merge: base lines (in canonical order, checked: {@link NotCanonical} where they are not) and the
     * fetched lines, written in canonical order, each kept base line with its joined names as of now.
     */
    final class Streamed {
        private final WaldurCollection c;
        private final SortedLines fresh;
        private final BaseMembers members;
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

        private Streamed(WaldurCollection c, SortedLines fresh, BaseMembers members, CountingGzipWriter out,
                Written written) {
            this.c = c;
            this.fresh = fresh;
            this.members = members;
            this.out = out;
            this.written = written;
            this.order = CanonicalOrder.fields(c);
            this.rewrites = joins.rewrites(c);
        }

        /**
         * Merges the base lines of an object still {@code listed} and not {@code changed} with the fetched lines of
         * objects still listed (a modified line of an object no longer listed was deleted since). Returns null, with
         * the output to be discarded, where some listed object is in neither the base nor the fetched lines.
         */
        Counts modified(Set<String> changed, Set<String> listed) throws IOException {
            long[] kept = {0};
            long[] dropped = {0};
            Set<String> seen = new HashSet<>(changed);
            start(UUID, line -> listed.contains(LineKey.normalised(line.key().uuid())));
            members.forEachLine((bytes, from, length) -> {
                String uuid = read(bytes, from, length);
                String key = uuid == null ? null : LineKey.normalised(uuid);
                if (key == null || !listed.contains(key)) {
                    dropped[0]++;
                } else if (!changed.contains(key)) {
                    seen.add(key);
                    kept[0]++;
                    base(uuid, bytes, from, length);
                } else {
                    joins.replacedBase(c, bytes, from, length);
                }
            });
            seen.retainAll(listed);
            if (seen.size() != listed.size()) {
                joins.streamed(c, false);
                return null;
            }
            finish();
            joins.streamed(c, true);
            return new Counts(kept[0], dropped[0]);
        }

        /**
         * Merges the fetched usages with the base's usages of the months before {@code firstPeriod} (all of them
         * where it is null) whose resource is still there.
         */
        Counts usages(String firstPeriod) throws IOException {
            long[] kept = {0};
            long[] dropped = {0};
            start(USAGE_FIELDS, line -> true);
            members.forEachLine((bytes, from, length) -> {
                String uuid = read(bytes, from, length);
                switch (usage(firstPeriod, values[0], values[1])) {
                    case REFETCHED -> { }
                    case DROPPED -> dropped[0]++;
                    case KEPT -> {
                        kept[0]++;
                        base(uuid, bytes, from, length);
                    }
                }
            });
            finish();
            return new Counts(kept[0], dropped[0]);
        }

        /**
         * Starts the merge: base lines are read for {@code fields} (their UUID last) and the order fields; fetched
         * lines are written where {@code keep} holds.
         */
        private void start(String[] fields, Predicate<SortedLines.Line> keep) throws IOException {
            this.keep = keep;
            names = Arrays.copyOf(fields, fields.length + order.length);
            System.arraycopy(order, 0, names, fields.length, order.length);
            cursor = fresh.cursor();
            head = cursor.next();
        }

        /** Reads a base line's fields and returns its UUID (the last of the fields {@link #start} was given). */
        private String read(byte[] bytes, int from, int length) {
            values = TopLevelFields.read(bytes, from, length, names);
            return values[names.length - order.length - 1];
        }

        /** Writes the fetched lines before a kept base line, then the line, as of now. */
        private void base(String uuid, byte[] bytes, int from, int length) throws IOException {
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
        private void finish() throws IOException {
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
}
