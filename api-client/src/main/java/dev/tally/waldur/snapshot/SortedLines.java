package dev.tally.waldur.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Collects one collection's JSON lines and hands them on in canonical order ({@link LineKey}). Lines are kept in
 * memory up to {@code memoryLimit} bytes; beyond that each full batch is sorted and spilled to a run file in
 * {@code spillDir} (the harvest's staging directory, so nothing is left outside it), and {@link #drain} merges the
 * runs. Every harvested list passes through here, so a snapshot's bytes do not depend on how the pages arrived.
 */
final class SortedLines implements AutoCloseable {
    /** In-memory bytes before a run is spilled: 16 MiB kept a scale-5 harvest at ~320 MB RSS (64 MiB: ~480 MB). */
    static final long DEFAULT_MEMORY_LIMIT = 16L << 20;

    /**
     * One line, {@code buffer[offset, offset + length)}, and its key. Lines of a page share the page's buffer rather
     * than each taking a copy: a harvest holds hundreds of thousands of them.
     */
    record Line(LineKey key, byte[] buffer, int offset, int length) {
        static final Comparator<Line> ORDER = (a, b) -> {
            int c = a.key.compareTo(b.key);
            return c != 0 ? c : Arrays.compareUnsigned(a.buffer, a.offset, a.offset + a.length,
                    b.buffer, b.offset, b.offset + b.length);
        };

        Line(LineKey key, byte[] bytes) {
            this(key, bytes, 0, bytes.length);
        }

        /** The line's bytes, its newline included (the buffer itself when the line fills it). */
        byte[] bytes() {
            return offset == 0 && length == buffer.length ? buffer : Arrays.copyOfRange(buffer, offset, offset + length);
        }
    }

    /** Receives lines in canonical order. */
    @FunctionalInterface
    interface Sink {
        void accept(Line line) throws IOException;
    }

    private final Path spillDir;
    private final String[] orderFields;
    private final long memoryLimit;
    private final List<Line> batch = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long batchBytes;
    private long count;

    /** Lines ordered by the text of the top-level {@code orderFields}, then by UUID ({@link LineKey}). */
    SortedLines(Path spillDir, String... orderFields) {
        this(spillDir, DEFAULT_MEMORY_LIMIT, orderFields);
    }

    SortedLines(Path spillDir, long memoryLimit, String... orderFields) {
        this.spillDir = spillDir;
        this.memoryLimit = memoryLimit;
        this.orderFields = orderFields.clone();
    }

    /** The key of {@code line}, whose top-level {@code uuid} is {@code uuid}. */
    LineKey keyOf(String uuid, byte[] line, int offset, int length) {
        return LineKey.of(TopLevelFields.read(line, offset, length, orderFields), uuid);
    }

    /**
     * Adds the {@code uuids.length} newline-terminated lines in {@code bytes}, line {@code i} ending (just after its
     * newline) at {@code ends[i]}, one UUID (or null) each; {@code bytes} is kept, so the caller must not change it
     * afterwards.
     */
    void addAll(byte[] bytes, int[] ends, String[] uuids) throws IOException {
        if (ends.length != uuids.length) {
            throw new IllegalArgumentException("a page of " + uuids.length + " objects held " + ends.length + " lines");
        }
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            int length = ends[i] - start;
            add(new Line(keyOf(uuids[i], bytes, start, length), bytes, start, length));
            start = ends[i];
        }
    }

    /** Adds one newline-terminated line. */
    void add(String uuid, byte[] line) throws IOException {
        add(new Line(keyOf(uuid, line, 0, line.length), line));
    }

    void add(Line line) throws IOException {
        batch.add(line);
        batchBytes += line.length() + 64;
        count++;
        if (batchBytes >= memoryLimit) {
            spill();
        }
    }

    long count() {
        return count;
    }

    /** Hands every line to {@code sink} in canonical order, once; the run files are deleted on {@link #close}. */
    void drain(Sink sink) throws IOException {
        batch.sort(Line.ORDER);
        if (runs.isEmpty()) {
            for (Line line : batch) {
                sink.accept(line);
            }
            batch.clear();
            return;
        }
        List<Source> sources = new ArrayList<>();
        try {
            for (Path run : runs) {
                sources.add(new RunSource(run));
            }
            sources.add(new ListSource(batch));
            merge(sources, sink);
        } finally {
            for (Source s : sources) {
                s.close();
            }
            batch.clear();
        }
    }

    /** Lines handed out one at a time, in canonical order. */
    interface Cursor extends AutoCloseable {
        /** The next line, or null after the last. */
        Line next() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * The lines in canonical order, pulled one at a time (to merge them with another sorted stream), once; the run
     * files are deleted on {@link #close}.
     */
    Cursor cursor() throws IOException {
        batch.sort(Line.ORDER);
        List<Source> sources = new ArrayList<>();
        for (Path run : runs) {
            sources.add(new RunSource(run));
        }
        sources.add(new ListSource(new ArrayList<>(batch)));
        batch.clear();
        PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.comparing(Source::head, Line.ORDER));
        for (Source s : sources) {
            if (s.advance()) {
                heads.add(s);
            }
        }
        return new Cursor() {
            @Override
            public Line next() throws IOException {
                Source s = heads.poll();
                if (s == null) {
                    return null;
                }
                Line line = s.head();
                if (s.advance()) {
                    heads.add(s);
                }
                return line;
            }

            @Override
            public void close() throws IOException {
                for (Source s : sources) {
                    s.close();
                }
            }
        };
    }

    private void spill() throws IOException {
        batch.sort(Line.ORDER);
        Path run = Files.createTempFile(spillDir, ".sort-", ".run");
        runs.add(run);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (Line line : batch) {
                LineKey k = line.key();
                out.writeInt(k.fields().length);
                for (String field : k.fields()) {
                    writeText(out, field);
                }
                out.writeByte(k.kind());
                out.writeLong(k.high());
                out.writeLong(k.low());
                if (k.kind() == LineKey.TEXT) {
                    writeText(out, k.other());
                }
                out.writeInt(line.length());
                out.write(line.buffer(), line.offset(), line.length());
            }
        }
        batch.clear();
        batchBytes = 0;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A k-way merge of sorted sources. */
    private static void merge(List<Source> sources, Sink sink) throws IOException {
        PriorityQueue<Source> heads = new PriorityQueue<>(Comparator.comparing(Source::head, Line.ORDER));
        for (Source s : sources) {
            if (s.advance()) {
                heads.add(s);
            }
        }
        while (!heads.isEmpty()) {
            Source s = heads.poll();
            sink.accept(s.head());
            if (s.advance()) {
                heads.add(s);
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        batch.clear();
    }

    private interface Source extends AutoCloseable {
        boolean advance() throws IOException;

        Line head();

        @Override
        void close() throws IOException;
    }

    private static final class ListSource implements Source {
        private final List<Line> lines;
        private int next;
        private Line head;

        ListSource(List<Line> lines) {
            this.lines = lines;
        }

        @Override
        public boolean advance() {
            head = next < lines.size() ? lines.get(next++) : null;
            return head != null;
        }

        @Override
        public Line head() {
            return head;
        }

        @Override
        public void close() {
        }
    }

    private static final class RunSource implements Source {
        private final DataInputStream in;
        private Line head;

        RunSource(Path run) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
        }

        @Override
        public boolean advance() throws IOException {
            int fieldCount;
            try {
                fieldCount = in.readInt();
            } catch (EOFException e) {
                head = null;
                return false;
            }
            String[] fields = new String[fieldCount];
            for (int i = 0; i < fieldCount; i++) {
                fields[i] = readText(in);
            }
            int kind = in.readByte();
            long high = in.readLong();
            long low = in.readLong();
            String other = kind == LineKey.TEXT ? readText(in) : null;
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            head = new Line(new LineKey(fields, kind, high, low, other), bytes);
            return true;
        }

        @Override
        public Line head() {
            return head;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
