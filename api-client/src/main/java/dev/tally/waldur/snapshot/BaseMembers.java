package dev.tally.waldur.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A base snapshot's data file read member by member (docs/harvest.md, "Gzip members"): its lines in file order, and
 * the last few members it inflated kept with their place in the file, so that a {@link CountingGzipWriter} whose
 * finished chunk holds exactly one of them copies its compressed bytes ({@link CountingGzipWriter.Reuse}) instead
 * of deflating it again. Only members with the writer's own {@link CountingGzipWriter#HEADER} are offered: it marks
 * the same deflate level, so their bytes are what deflating the chunk would give. Any gzip file reads (members of
 * any size and header, lines across members); members too large to keep are streamed and never offered.
 */
final class BaseMembers implements CountingGzipWriter.Reuse, AutoCloseable {
    /** Members at most this large are kept whole; a harvest's are at most one line over its chunk size. */
    private static final int KEEP_LIMIT = 4 << 20;
    /** Members kept for reuse: the writer's chunk ends at most a member or two behind the reading. */
    private static final int WINDOW = 4;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int FHCRC = 2;

    /** Receives one line, {@code bytes[from, from + length)}, its newline included; the buffer is reused after. */
    @FunctionalInterface
    interface LineSink {
        void accept(byte[] bytes, int from, int length) throws IOException;
    }

    private final FileChannel file;
    private final CountingGzipWriter.Base base;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 20);
    private long inStart;
    private final Inflater inflater = new Inflater(true);
    private final Kept[] window = new Kept[WINDOW];
    private int next;
    private byte[] out = new byte[1 << 18];
    private long offered;

    /** A member kept for reuse: its uncompressed bytes and where its compressed bytes lie in the file. */
    private record Kept(byte[] bytes, int length, long start, long end) {
    }

    /** Reads {@code path}; {@code sha256} is its checksum as verified when the base was opened, or null. */
    BaseMembers(Path path, String sha256) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
        this.base = sha256 == null ? null : new CountingGzipWriter.Base(file.size(), sha256);
        in.limit(0);
    }

    @Override
    public CountingGzipWriter.Base base() {
        return base;
    }

    /** Hands every line of the file to {@code sink}, in order. */
    void forEachLine(LineSink sink) throws IOException {
        int carried = 0;
        while (ensure(1)) {
            long start = position();
            boolean ours = header();
            inflater.reset();
            int length = carried;
            boolean streamed = false;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (!streamed && out.length < KEEP_LIMIT) {
                        out = Arrays.copyOf(out, out.length * 2);
                    } else {
                        // Too large to keep: hand on the whole lines so far and go on with the rest.
                        streamed = true;
                        int done = emit(out, 0, length, sink);
                        System.arraycopy(out, done, out, 0, length - done);
                        length -= done;
                        if (length == out.length) {
                            out = Arrays.copyOf(out, out.length * 2);
                        }
                    }
                }
                if (inflater.needsInput()) {
                    if (!ensure(1)) {
                        throw new EOFException("a gzip member ends early");
                    }
                    inflater.setInput(in.array(), in.position(), in.remaining());
                    in.position(in.limit());
                }
                try {
                    length += inflater.inflate(out, length, out.length - length);
                } catch (DataFormatException e) {
                    throw new IOException("a gzip member is damaged: " + e.getMessage(), e);
                }
            }
            in.position(in.limit() - inflater.getRemaining());
            skip(8); // CRC-32 and size: Snapshot.open has already checked the file's SHA-256
            long end = position();
            if (ours && !streamed && carried == 0) {
                keep(out, length, start, end);
            }
            int done = emit(out, 0, length, sink);
            carried = length - done;
            System.arraycopy(out, done, out, 0, carried);
        }
        if (carried > 0) {
            throw new IOException("the last line has no newline");
        }
    }

    /** Members this reader has handed to a writer compressed. */
    long offered() {
        return offered;
    }

    @Override
    public CountingGzipWriter.Copy compressed(byte[] chunk, int length) throws IOException {
        for (Kept k : window) {
            if (k != null && k.length == length && Arrays.equals(k.bytes, 0, length, chunk, 0, length)) {
                byte[] bytes = new byte[(int) (k.end - k.start)];
                ByteBuffer target = ByteBuffer.wrap(bytes);
                while (target.hasRemaining()) {
                    if (file.read(target, k.start + target.position()) < 0) {
                        throw new EOFException("the base file ends early");
                    }
                }
                offered++;
                return new CountingGzipWriter.Copy(bytes, k.start);
            }
        }
        return null;
    }

    private void keep(byte[] bytes, int length, long start, long end) {
        Kept old = window[next];
        byte[] copy = old != null && old.bytes.length >= length ? old.bytes : new byte[Math.max(length, 1 << 16)];
        System.arraycopy(bytes, 0, copy, 0, length);
        window[next] = new Kept(copy, length, start, end);
        next = (next + 1) % WINDOW;
    }

    /** Hands on the whole lines of {@code bytes[from, to)} and returns where the first incomplete one starts. */
    private static int emit(byte[] bytes, int from, int to, LineSink sink) throws IOException {
        int start = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                sink.accept(bytes, start, i + 1 - start);
                start = i + 1;
            }
        }
        return start;
    }

    /** Reads a member header (RFC 1952, 2.3.1); true if it is exactly the writer's own. */
    private boolean header() throws IOException {
        if (!ensure(10)) {
            throw new EOFException("a gzip header ends early");
        }
        int at = in.position();
        byte[] a = in.array();
        if ((a[at] & 0xff) != 0x1f || (a[at + 1] & 0xff) != 0x8b || a[at + 2] != 8) {
            throw new IOException("not a gzip member at byte " + position());
        }
        boolean ours = Arrays.equals(a, at, at + 10, CountingGzipWriter.HEADER, 0, 10);
        int flags = a[at + 3] & 0xff;
        in.position(at + 10);
        if ((flags & FEXTRA) != 0) {
            if (!ensure(2)) {
                throw new EOFException("a gzip header ends early");
            }
            int p = in.position();
            int extra = (in.array()[p] & 0xff) | (in.array()[p + 1] & 0xff) << 8;
            in.position(p + 2);
            skip(extra);
        }
        if ((flags & FNAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FCOMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        return ours;
    }

    private void skipZeroTerminated() throws IOException {
        while (true) {
            if (!ensure(1)) {
                throw new EOFException("a gzip header ends early");
            }
            if (in.get() == 0) {
                return;
            }
        }
    }

    private void skip(int n) throws IOException {
        int left = n;
        while (left > 0) {
            if (!ensure(1)) {
                throw new EOFException("a gzip member ends early");
            }
            int step = Math.min(left, in.remaining());
            in.position(in.position() + step);
            left -= step;
        }
    }

    /** The file offset of the next unread byte. */
    private long position() {
        return inStart + in.position();
    }

    /** Makes at least {@code n} unread bytes available; false at the end of the file. */
    private boolean ensure(int n) throws IOException {
        if (in.remaining() >= n) {
            return true;
        }
        inStart += in.position();
        in.compact();
        while (in.position() < n) {
            if (file.read(in) < 0) {
                break;
            }
        }
        in.flip();
        return in.remaining() >= n;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        file.close();
    }
}
