package dev.tally.cli.cache;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.core.input.SourceData;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The derived, verified cache of what a snapshot's files read as (docs/cache.md): {@code SNAPSHOT/.tally-cache/source.bin}
 * holds the snapshot's {@link SourceData} so that a second report or query skips inflating and parsing the JSON lines.
 * It is keyed by the manifest's checksums and the Tally build ({@link CacheKey}), used only when its key matches and
 * its CRC-32C checks out, rebuilt when stale or damaged (a damaged one with a note on stderr), written atomically, and
 * never needed: deleting it, or {@code --no-cache}, reads the snapshot as before. The snapshot's own files are still
 * verified on every run (on another thread while the cache is read), so a damaged snapshot is refused as without it.
 */
public final class SnapshotCache {
    /** The cache folder inside a snapshot directory; a harvest may replace a snapshot that holds it. */
    public static final String DIR = Manifest.CACHE_DIR;
    static final String FILE = "source.bin";
    private static final byte[] MAGIC = "TALLYSRC".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + CacheKey.BYTES;
    private static final int TRAILER = 4;

    private final boolean enabled;
    private final AtomicFiles files;
    private final PrintWriter err;
    private final String build;

    private SnapshotCache(boolean enabled, AtomicFiles files, PrintWriter err, String build) {
        this.enabled = enabled;
        this.files = files;
        this.err = err;
        this.build = build;
    }

    /** No cache: every read inflates and parses the snapshot ({@code --no-cache}). */
    public static SnapshotCache off() {
        return new SnapshotCache(false, null, null, null);
    }

    /** The cache in each snapshot's {@value #DIR} folder, written through {@code files}, notes to {@code err}. */
    public static SnapshotCache beside(AtomicFiles files, PrintWriter err) {
        return new SnapshotCache(true, files, err, CacheKey.build());
    }

    /** The same for a given Tally build identity (tests: a new build makes every cache stale). */
    static SnapshotCache beside(AtomicFiles files, PrintWriter err, String build) {
        return new SnapshotCache(true, files, err, build);
    }

    /** The cache file of the snapshot in {@code dir}. */
    static Path file(Path dir) {
        return dir.resolve(DIR).resolve(FILE);
    }

    /**
     * The source data the cache holds for this snapshot, when there is a cache file whose key is this manifest's and
     * whose bytes check out; empty otherwise (none, stale, damaged: the last with a note). Reads only the cache,
     * never the snapshot's files, so it can run while they are verified.
     */
    public Optional<SourceData> cached(Snapshot.Opening opening) {
        if (!enabled) {
            return Optional.empty();
        }
        Path file = file(opening.dir());
        try {
            return read(file, CacheKey.of(opening.manifest(), build));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            note("ignoring the damaged snapshot cache " + file + " (" + reason(e) + "); rebuilding it");
            return Optional.empty();
        }
    }

    /**
     * Writes the cache of a verified snapshot's source data. The cache is never needed: when it cannot be written (a
     * read-only snapshot, a full disk) there is one note on stderr and the command goes on without it.
     */
    public void store(Snapshot snapshot, SourceData source) {
        if (!enabled) {
            return;
        }
        Path file = file(snapshot.dir());
        byte[] key = CacheKey.of(snapshot.manifest(), build);
        try {
            if (Files.isSymbolicLink(file.getParent())) {
                throw new IOException(DIR + " is a symbolic link");
            }
            Files.createDirectories(file.getParent());
            files.write(file, out -> write(out, key, source));
        } catch (IOException | RuntimeException e) {
            note("cannot write the snapshot cache in " + snapshot.dir() + " (" + reason(e)
                    + "); reading the snapshot without one (--no-cache skips the cache)");
        }
    }

    /** Whether this cache is used at all. */
    public boolean enabled() {
        return enabled;
    }

    private static void write(OutputStream raw, byte[] key, SourceData source) throws IOException {
        DataOutputStream header = new DataOutputStream(raw);
        header.write(MAGIC);
        header.writeInt(CacheKey.FORMAT);
        header.write(key);
        header.flush();
        CRC32C crc = new CRC32C();
        OutputStream payload = new CheckedOutputStream(new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, crc);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(payload, 1 << 20));
        SourceFile.write(source, new CacheOut(data));
        data.flush();
        header.writeInt((int) crc.getValue());
        header.flush();
    }

    private static Optional<SourceData> read(Path file, byte[] key) throws IOException {
        // only a real folder holding a real file: a link could lead anywhere, and whatever else is in the way is for
        // store to report
        if (!Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        long size = Files.size(file);
        if (size < HEADER + TRAILER) {
            throw new CacheIn.DamagedCache("cut short: " + size + " bytes");
        }
        try (InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            DataInputStream header = new DataInputStream(raw);
            byte[] magic = header.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CacheIn.DamagedCache("not a Tally snapshot cache");
            }
            int format = header.readInt();
            byte[] stored = header.readNBytes(CacheKey.BYTES);
            if (format != CacheKey.FORMAT || !Arrays.equals(stored, key)) {
                return Optional.empty(); // another format, snapshot or Tally build: stale, not damaged
            }
            long payloadSize = size - HEADER - TRAILER;
            CRC32C crc = new CRC32C();
            InputStream payload = new CheckedInputStream(new Bounded(raw, payloadSize), crc);
            DataInputStream data = new DataInputStream(new BufferedInputStream(payload, 1 << 20));
            SourceData source = SourceFile.read(new CacheIn(data, payloadSize));
            if (data.read() >= 0) {
                throw new CacheIn.DamagedCache("bytes after the data");
            }
            int expected = header.readInt();
            if (expected != (int) crc.getValue()) {
                throw new CacheIn.DamagedCache("CRC-32C mismatch");
            }
            return Optional.of(source);
        } catch (java.io.EOFException e) {
            throw new CacheIn.DamagedCache("cut short");
        }
    }

    private void note(String message) {
        err.println("tally: note: " + message);
        err.flush();
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    /** At most {@code limit} bytes of a stream, and never its close. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller closes the file
        }
    }
}
