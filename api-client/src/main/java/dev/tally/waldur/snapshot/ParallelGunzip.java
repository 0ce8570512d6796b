package dev.tally.waldur.snapshot;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * Inflates a snapshot file made of independent gzip members (docs/harvest.md, "Gzip members") on several threads,
 * giving the same bytes, in order, as {@link GZIPInputStream} gives. Nothing is assumed about the members' sizes:
 * the file is cut at places that look like a member's header, each piece is inflated member by member from there,
 * and a piece counts only when the one before it ended exactly where it starts, which proves the place a real
 * member boundary (the first piece starts at the file's start, which is one). Anything else (a place that only
 * looked like a header, a damaged file) is read from the last proven boundary on by {@link GZIPInputStream}, so
 * errors are the ones it gives.
 */
final class ParallelGunzip {
    /** Pieces aim at this many compressed bytes (small enough that their inflated bytes stay in the young generation). */
    static final int PIECE = 256 << 10;
    private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private ParallelGunzip() {
    }

    /** The inflated bytes of {@code file}. */
    static InputStream open(Path file) throws IOException {
        long size = java.nio.file.Files.size(file);
        if (size < 2L * PIECE || size > Integer.MAX_VALUE || THREADS < 2) {
            return sequential(file, 0);
        }
        // read by position, piece by piece, not mapped: mapped pages of a large file would count as resident memory
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new Pieces(file, ch, starts(ch, (int) size), (int) size);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static InputStream sequential(Path file, long from) throws IOException {
        InputStream in = java.nio.file.Files.newInputStream(file);
        in.skipNBytes(from);
        return new GZIPInputStream(in, 1 << 16);
    }

    /** Where pieces start: 0, then the first look-alike of a member header at or after each multiple of {@link #PIECE}. */
    static List<Integer> starts(FileChannel ch, int size) throws IOException {
        List<Integer> out = new ArrayList<>();
        out.add(0);
        ByteBuffer window = ByteBuffer.allocate(1 << 16);
        for (long at = PIECE; at < size; at += PIECE) {
            int p = nextHeader(ch, (int) Math.max(at, out.get(out.size() - 1) + 1L), size, window);
            if (p < 0) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    // ID1 ID2 CM=deflate, and no reserved flag bits
    private static int nextHeader(FileChannel ch, int from, int size, ByteBuffer window) throws IOException {
        for (int base = from; base + 4 <= size; base += window.capacity() - 3) {
            ByteBuffer d = read(ch, base, Math.min(window.capacity(), size - base), window);
            for (int i = 0; i + 4 <= d.limit(); i++) {
                if (d.get(i) == (byte) 0x1f && d.get(i + 1) == (byte) 0x8b && d.get(i + 2) == 8 && (d.get(i + 3) & 0xe0) == 0) {
                    return base + i;
                }
            }
        }
        return -1;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length, ByteBuffer into) throws IOException {
        into.clear().limit(length);
        while (into.hasRemaining()) {
            if (ch.read(into, position + into.position()) < 0) {
                throw new EOFException();
            }
        }
        return into.flip();
    }

    /** One piece inflated: its first {@code length} bytes, and where its last member ended; no bytes when it did not inflate. */
    record Piece(byte[] bytes, int length, int end) {
    }

    /**
     * Inflates the compressed bytes {@code [start, limit)} of the file member by member; never throws. A piece that
     * starts at a look-alike, or whose last member runs past {@code limit}, does not inflate.
     */
    static Piece inflate(FileChannel ch, int start, int limit) {
        Inflater inflater = new Inflater(true);
        try {
            ByteBuffer data = read(ch, start, limit - start, ByteBuffer.allocate(limit - start));
            Output out = new Output((limit - start) * 6);
            byte[] buf = new byte[1 << 16];
            int pos = 0;
            while (pos < data.limit()) {
                pos = member(data, pos, inflater, buf, out);
            }
            return new Piece(out.bytes, out.length, start + pos);
        } catch (IOException | DataFormatException | RuntimeException e) {
            return new Piece(null, 0, -1);
        } finally {
            inflater.end();
        }
    }

    /** A growing buffer whose bytes are handed on without a copy. */
    private static final class Output {
        byte[] bytes;
        int length;

        Output(int capacity) {
            bytes = new byte[Math.max(1 << 16, capacity)];
        }

        void write(byte[] b, int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 3 / 2));
            }
            System.arraycopy(b, 0, bytes, length, n);
            length += n;
        }
    }

    /** Inflates the member at {@code pos} into {@code out}, checking its CRC-32 and length; returns where it ends. */
    private static int member(ByteBuffer data, int pos, Inflater inflater, byte[] buf, Output out)
            throws IOException, DataFormatException {
        int p = header(data, pos);
        inflater.reset();
        ByteBuffer in = data.duplicate();
        in.position(p);
        inflater.setInput(in);
        CRC32 crc = new CRC32();
        long length = 0;
        while (!inflater.finished()) {
            int n = inflater.inflate(buf);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new EOFException("the member is cut short");
            }
            crc.update(buf, 0, n);
            out.write(buf, n);
            length += n;
        }
        int end = p + (int) inflater.getBytesRead();
        if (end + 8 > data.limit()) {
            throw new EOFException("no trailer");
        }
        ByteBuffer t = data.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if ((t.getInt(end) & 0xffffffffL) != crc.getValue() || (t.getInt(end + 4) & 0xffffffffL) != (length & 0xffffffffL)) {
            throw new IOException("the member's CRC-32 or length does not match");
        }
        return end + 8;
    }

    // RFC 1952: a 10-byte header, then optional extra field, name, comment and header CRC
    private static int header(ByteBuffer d, int pos) throws IOException {
        if (pos + 10 > d.limit() || d.get(pos) != (byte) 0x1f || d.get(pos + 1) != (byte) 0x8b || d.get(pos + 2) != 8) {
            throw new IOException("not a gzip member");
        }
        int flags = d.get(pos + 3) & 0xff;
        int p = pos + 10;
        if ((flags & 4) != 0) {
            p += 2 + ((d.get(p) & 0xff) | (d.get(p + 1) & 0xff) << 8);
        }
        for (int bit : new int[] {8, 16}) {
            if ((flags & bit) != 0) {
                while (d.get(p++) != 0) {
                    // a zero-terminated name or comment
                }
            }
        }
        if ((flags & 2) != 0) {
            p += 2;
        }
        if (p > d.limit()) {
            throw new EOFException("the header is cut short");
        }
        return p;
    }

    /** The pieces in order, a few inflated ahead on a small pool; the rest by {@link GZIPInputStream} after an irregular piece. */
    private static final class Pieces extends InputStream {
        private final Path file;
        private final FileChannel ch;
        private final int size;
        private final List<Integer> starts;
        private final ExecutorService pool;
        private final Deque<CompletableFuture<Piece>> ahead = new ArrayDeque<>();
        private int next; // the next piece to submit
        private int taken; // the next piece to read
        private long proven; // where the pieces read so far ended: a member boundary
        private InputStream current = InputStream.nullInputStream();
        private InputStream rest; // after an irregular piece: GZIPInputStream from the last proven boundary

        Pieces(Path file, FileChannel ch, List<Integer> starts, int size) {
            this.file = file;
            this.ch = ch;
            this.size = size;
            this.starts = starts;
            this.pool = Executors.newFixedThreadPool(Math.min(THREADS, starts.size()), r -> {
                Thread t = new Thread(r, "tally-gunzip");
                t.setDaemon(true);
                return t;
            });
            fill();
        }

        private void fill() {
            while (next < starts.size() && ahead.size() < THREADS + 1) {
                int start = starts.get(next);
                int limit = next + 1 < starts.size() ? starts.get(next + 1) : size;
                ahead.add(CompletableFuture.supplyAsync(() -> inflate(ch, start, limit), pool));
                next++;
            }
        }

        /** The stream to read from now, or null at the end. */
        private InputStream source() throws IOException {
            while (rest == null) {
                if (current.available() > 0) {
                    return current;
                }
                if (taken == starts.size()) {
                    return null;
                }
                Piece piece = ahead.poll().join();
                int limit = taken + 1 < starts.size() ? starts.get(taken + 1) : size;
                boolean proof = starts.get(taken) == proven && piece.bytes() != null && piece.end() == limit;
                if (!proof) {
                    // this piece did not start at a proven boundary, or did not end where the next starts
                    stop();
                    rest = sequential(file, proven);
                    break;
                }
                taken++;
                proven = limit;
                current = new ByteArrayInputStream(piece.bytes(), 0, piece.length());
                fill();
            }
            return rest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                InputStream s = source();
                if (s == null) {
                    return -1;
                }
                int n = s.read(b, off, len);
                if (n != 0 || len == 0) {
                    return n;
                }
            }
        }

        private void stop() {
            ahead.forEach(f -> f.cancel(false));
            ahead.clear();
            pool.shutdownNow();
        }

        @Override
        public void close() throws IOException {
            stop();
            ch.close();
            if (rest != null) {
                rest.close();
            }
        }
    }
}
