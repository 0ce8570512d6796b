package dev.tally.cli.render;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers only ever see the old or the complete new version: the bytes go to
 * a hidden temporary file beside the target, are forced to disk, and the temporary file is renamed
 * over the target. On failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * A test seam standing in for the disk: wraps each file's raw stream, so a test can make the Nth
     * write fail with "No space left on device" or halt the JVM mid-file. Production uses none.
     */
    @FunctionalInterface
    public interface Faults {
        OutputStream wrap(Path file, OutputStream raw) throws IOException;
    }

    private static volatile Faults faults = FaultPlan.fromSystemProperty();

    /** Installs a fault plan (tests only); {@code null} restores normal writing. */
    public static void setFaultsForTesting(Faults plan) {
        faults = plan == null ? FaultPlan.fromSystemProperty() : plan;
    }

    /** Receives the stream to write the content to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code target} atomically; on any failure the target is untouched and no temporary file stays. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                // Writers such as POI and CSVPrinter close the stream they are given; the file must
                // stay open until it has been forced to disk.
                Faults f = faults;
                OutputStream raw = f == null ? out : f.wrap(tmp, out);
                OutputStream unclosable = new java.io.FilterOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        this.out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                content.writeTo(unclosable);
                unclosable.flush();
                out.getFD().sync();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
