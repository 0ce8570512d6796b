package dev.tally.waldur.snapshot;

import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes JSON lines into a gzipped file while hashing the bytes that reach the disk.
 *
 * <p>The lines are cut into chunks of whole lines, each compressed as an independent gzip member on a small pool
 * of threads; one more thread appends finished members, in order, and hashes them. A gzip file may hold several members
 * (RFC 1952, section 2.2) and {@link java.util.zip.GZIPInputStream}, {@code zcat} and DuckDB read them as one
 * stream. Where a chunk ends is decided by its lines' content alone (docs/harvest.md, "Gzip members"): after a line
 * whose boundary hash (from its UUID) hits a pattern, once the chunk holds {@link #minChunk} bytes, and at the latest
 * after the line that reaches {@code maxChunk}. So the same lines always give the same file and the same hash,
 * however they arrive (page size, concurrency, timing); and a run of lines that a change did not touch is cut into
 * the same members as before, which an incremental harvest copies compressed from its base ({@link Reuse}) instead
 * of deflating them again. The gzip header carries no timestamp for the same reason.
 *
 * <p>At most {@code 2 × threads} chunks are in flight. {@link #close()} stops the threads, also after a failure.
 */
final class CountingGzipWriter implements AutoCloseable {
    /**
     * The most uncompressed bytes a member holds before it is cut at the next line end. Members average about a
     * quarter of it: small enough that a day's scattered changes leave most members of a large file untouched,
     * large enough that header, trailer and the deflate window's restart cost little (docs/harvest.md).
     */
    static final int DEFAULT_CHUNK_SIZE = 1 << 18;

    /** A line whose boundary hash has these bits zero may end a member: one line in 32. */
    private static final long BOUNDARY_MASK = 31;

    /** Deflate level: the fastest; docs/harvest.md, "Compression level", has the measured trade-off. */
    static final int LEVEL = Deflater.BEST_SPEED;

    /**
     * ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=4 (fastest, RFC 1952) OS=255 (unknown). It also marks how members are
     * compressed: an incremental harvest copies only base members with this very header, so it must change (the
     * OS byte, say) whenever the level or the chunking rule does.
     */
    static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 4, (byte) 0xff};

    /**
     * Base members an incremental harvest may copy: given a finished chunk, the compressed member of the same bytes
     * (its {@link #HEADER} included), or null.
     */
    @FunctionalInterface
    interface Reuse {
        Reuse NONE = (chunk, length) -> null;

        Copy compressed(byte[] chunk, int length) throws IOException;

        /** The base file these members come from, or null: a file that comes out as all of it takes its checksum. */
        default Base base() {
            return null;
        }
    }

    /** A base member's compressed bytes and where they start in the base file. */
    record Copy(byte[] bytes, long start) {
    }

    /** A base file's length and its SHA-256 as verified when the base was opened. */
    record Base(long length, String sha256) {
    }

    private final MessageDigest digest;
    private final FileOutputStream out;
    private final int chunkSize;
    private final int minChunk;
    private final int maxInFlight;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Member>> inFlight = new ArrayDeque<>();
    // Buffers and deflaters are reused: allocating a megabyte per chunk, and a deflater's native
    // state per member, cost more than the compression gains on a small machine.
    private final ArrayDeque<byte[]> freeChunks = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
    // Finished members are written and hashed on a thread of their own, in order: SHA-256 costs about as much as
    // deflate under the launcher's C1-only JIT (no SHA intrinsic), and an incremental harvest that copies most
    // members would otherwise spend its time hashing on the thread that merges.
    private final ExecutorService sink;
    private final ArrayDeque<Future<?>> writing = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Deflater> deflaters = new ConcurrentLinkedQueue<>();
    private byte[] chunk;
    private int chunkLength;
    private long members;
    private long lines;
    private long reused;
    private Reuse reuse = Reuse.NONE;
    // While every member so far is the base file's next member, the output is that file's first `prefix` bytes and is
    // not hashed: a file that comes out as the whole base takes the base's verified checksum (docs/harvest.md, "Gzip
    // members"); one that departs from it hashes that prefix back from disk first.
    private final Path file;
    private Base base;
    private boolean identical = true;
    private long prefix;

    CountingGzipWriter(Path file) throws IOException {
        this(file, DEFAULT_CHUNK_SIZE, defaultThreads());
    }

    CountingGzipWriter(Path file, int chunkSize, int threads) throws IOException {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize (" + chunkSize + ") must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads (" + threads + ") must be positive");
        }
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        this.chunkSize = chunkSize;
        this.minChunk = minChunk(chunkSize);
        this.maxInFlight = 2 * threads;
        this.chunk = new byte[Math.min(chunkSize, 1 << 16)];
        this.file = file;
        this.out = new FileOutputStream(file.toFile());
        this.sink = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tally-gzip-write");
            t.setDaemon(true);
            return t;
        });
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tally-gzip");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Compression threads: one core is left to the fetching threads and the harvest thread. On a
     * 2-core machine one pool thread (pipelined off the harvest thread) measured slightly faster
     * than two; with more cores, up to four deflate in parallel.
     */
    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));
    }

    /** The fewest bytes a member holds before a boundary line may end it (the last member may hold fewer). */
    static int minChunk(int chunkSize) {
        return Math.max(1, chunkSize / 8);
    }

    /** Where finished chunks may be found already compressed; {@link Reuse#NONE} (the default) deflates all. */
    void reuse(Reuse from) {
        this.reuse = from;
        if (from.base() != null) {
            base = from.base();
        }
    }

    /**
     * Writes one newline-terminated line, {@code bytes[from, from + length)}; {@code boundaryHash} decides whether a
     * member may end after it ({@link #boundaryHash}).
     */
    void writeLine(byte[] bytes, int from, int length, long boundaryHash) throws IOException {
        append(bytes, from, length);
        lines++;
        if (chunkLength >= chunkSize || chunkLength >= minChunk && (boundaryHash & BOUNDARY_MASK) == 0) {
            submitChunk();
        }
    }

    /**
     * The boundary hash of a line: its UUID's bits mixed (the 64-bit finaliser of MurmurHash3), so that boundaries
     * fall on the same objects in every harvest; lines without a hex UUID hash their bytes.
     */
    static long boundaryHash(LineKey key, byte[] bytes, int from, int length) {
        long h;
        if (key.kind() == LineKey.HEX) {
            h = key.high() * 31 + key.low();
        } else {
            h = 1;
            for (int i = from; i < from + length; i++) {
                h = 31 * h + bytes[i];
            }
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    long lines() {
        return lines;
    }

    /** Members copied compressed through {@link #reuse} so far. */
    long reused() {
        return reused;
    }

    /** Gzip members written so far (one per chunk; an empty file still gets one). */
    long members() {
        return members;
    }

    /**
     * Ends the member being filled after the lines written so far, as {@link #finish} would: an incremental harvest
     * calls it after its last line while its {@link #reuse} source is still open, so the last member may be copied too.
     */
    void endChunk() throws IOException {
        if (chunkLength > 0) {
            submitChunk();
        }
    }

    /** Finishes the file, forces it to disk and returns the SHA-256 of its bytes. */
    String finish() throws IOException {
        if (chunkLength > 0 || members + inFlight.size() == 0) {
            // An empty collection still gets one (empty) member: a zero-byte file is not valid gzip.
            submitChunk();
        }
        while (!inFlight.isEmpty()) {
            writeHead();
        }
        while (!writing.isEmpty()) {
            awaitWrite();
        }
        out.getFD().sync();
        out.close();
        if (identical && base != null && prefix == base.length()) {
            return base.sha256();
        }
        if (identical) {
            hashBack(prefix);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void append(byte[] bytes, int off, int len) {
        if (chunkLength + len > chunk.length) {
            chunk = Arrays.copyOf(chunk, Math.max(chunkLength + len, Math.min(2 * chunk.length, chunkSize)));
        }
        System.arraycopy(bytes, off, chunk, chunkLength, len);
        chunkLength += len;
    }

    private void submitChunk() throws IOException {
        byte[] data = chunk;
        int length = chunkLength;
        while (inFlight.size() >= maxInFlight) {
            writeHead();
        }
        byte[] next = freeChunks.poll();
        chunk = next != null ? next : new byte[Math.min(chunkSize, Math.max(chunk.length, 1 << 16))];
        chunkLength = 0;
        Copy copy = length > 0 ? reuse.compressed(data, length) : null;
        if (copy != null) {
            reused++;
            inFlight.add(CompletableFuture.completedFuture(
                    new Member(data, copy.bytes(), copy.bytes().length, false, copy.start())));
        } else {
            byte[] output = freeOutputs.poll();
            byte[] target = output != null ? output : new byte[Math.max(1 << 12, length / 2)];
            inFlight.add(pool.submit(() -> compress(data, length, target)));
        }
        // Append whatever is already done, so finished members do not wait for the window to fill.
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            writeHead();
        }
    }

    private void writeHead() throws IOException {
        Member member;
        try {
            member = inFlight.peek().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("cannot compress: " + e.getCause(), e.getCause());
        }
        inFlight.remove();
        members++;
        freeChunks.add(member.input());
        boolean hashed = true;
        long behind = 0;
        if (identical) {
            if (base != null && member.baseStart() == prefix) {
                prefix += member.length();
                hashed = false;
            } else {
                identical = false;
                behind = prefix;
            }
        }
        boolean hash = hashed;
        long hashFirst = behind;
        writing.add(sink.submit(() -> {
            out.write(member.bytes(), 0, member.length());
            if (hashFirst > 0) {
                hashBack(hashFirst);
            }
            if (hash) {
                digest.update(member.bytes(), 0, member.length());
            }
            if (member.ours()) {
                freeOutputs.add(member.bytes());
            }
            return null;
        }));
        while (writing.size() > maxInFlight) {
            awaitWrite();
        }
    }

    private void awaitWrite() throws IOException {
        try {
            writing.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("cannot write: " + e.getCause(), e.getCause());
        }
    }

    /**
     * A finished gzip member, {@code bytes[0, length)}, the chunk it was made from, whether its buffer is ours, and
     * where it starts in the base file (-1 if it was deflated here).
     */
    private record Member(byte[] input, byte[] bytes, int length, boolean ours, long baseStart) {
    }

    /** Hashes the first {@code n} bytes already written, which were left unhashed while they matched the base. */
    private void hashBack(long n) throws IOException {
        try (FileChannel written = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long at = 0;
            while (at < n) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), n - at));
                int read = written.read(buffer, at);
                if (read < 0) {
                    throw new EOFException("the file being written is shorter than what was written to it");
                }
                digest.update(buffer.array(), 0, read);
                at += read;
            }
        }
    }

    private Member compress(byte[] data, int length, byte[] target) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(LEVEL, true);
        }
        try {
            byte[] buf = target;
            int n = member(deflater, data, length, buf);
            while (n < 0) {
                buf = new byte[buf.length * 2];
                deflater.reset();
                n = member(deflater, data, length, buf);
            }
            return new Member(data, buf, n, true, -1);
        } finally {
            deflater.reset();
            deflaters.add(deflater);
        }
    }

    /** Writes the member into {@code buf} and returns its length, or -1 if it does not fit. */
    private static int member(Deflater deflater, byte[] data, int length, byte[] buf) {
        if (buf.length < HEADER.length + 8) {
            return -1;
        }
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        deflater.setInput(data, 0, length);
        deflater.finish();
        int n = HEADER.length;
        int end = buf.length - 8;
        while (!deflater.finished()) {
            if (n == end) {
                return -1;
            }
            n += deflater.deflate(buf, n, end - n);
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        putIntLe(buf, n, (int) crc.getValue());
        putIntLe(buf, n + 4, length);
        return n + 8;
    }

    private static void putIntLe(byte[] buf, int at, int value) {
        buf[at] = (byte) value;
        buf[at + 1] = (byte) (value >>> 8);
        buf[at + 2] = (byte) (value >>> 16);
        buf[at + 3] = (byte) (value >>> 24);
    }

    /** Stops the compression threads and closes the file; after {@link #finish()} only the threads are left. */
    @Override
    public void close() throws IOException {
        for (Future<Member> f : inFlight) {
            f.cancel(true);
        }
        inFlight.clear();
        pool.shutdownNow();
        sink.shutdownNow();
        writing.clear();
        try {
            // A task deflates or writes at most one chunk (milliseconds), so this wait is short.
            if (!pool.awaitTermination(1, TimeUnit.MINUTES) || !sink.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException("gzip threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Deflater d;
            while ((d = deflaters.poll()) != null) {
                d.end();
            }
            out.close();
        }
    }
}
