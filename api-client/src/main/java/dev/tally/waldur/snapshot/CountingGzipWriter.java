package dev.tally.waldur.snapshot;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes JSON lines into a gzipped file while hashing the bytes that reach the disk. The JDK's gzip
 * header carries no timestamp, so the same lines always give the same file and the same hash.
 */
final class CountingGzipWriter implements AutoCloseable {
    private final MessageDigest digest;
    private final OutputStream out;
    private final FileOutputStream fileStream;
    private long lines;

    CountingGzipWriter(Path file) throws IOException {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        fileStream = new FileOutputStream(file.toFile());
        out = new FastGzipOutputStream(new DigestOutputStream(new BufferedOutputStream(fileStream, 1 << 16), digest));
    }

    /** Writes {@code bytes[0, length)}, which hold {@code count} complete JSON lines. */
    void write(byte[] bytes, int length, int count) throws IOException {
        out.write(bytes, 0, length);
        lines += count;
    }

    long lines() {
        return lines;
    }

    /** Finishes the file, forces it to disk and returns the SHA-256 of its bytes. */
    String finish() throws IOException {
        out.flush();
        ((FastGzipOutputStream) out).finish();
        out.flush();
        fileStream.getFD().sync();
        out.close();
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Gzip at the fastest level: snapshots are written once per harvest and the network is the limit, not disk. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
