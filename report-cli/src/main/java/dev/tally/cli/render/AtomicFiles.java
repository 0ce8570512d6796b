package dev.tally.cli.render;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Stage-then-rename, the one way report-cli puts a file in place, so readers only ever see the old or
 * the complete new version (docs/export.md): the bytes go to a hidden temporary file beside the
 * target, are forced to disk, and the temporary file is renamed over the target. On failure the
 * temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    /** Plain writing to the file system. */
    public static final AtomicFiles DIRECT = new AtomicFiles((file, raw) -> raw);

    /**
     * How a staged file's raw bytes reach the disk. Production writes them as they come; a test
     * wraps the stream to make a write fail or the JVM halt part-way through a file.
     */
    @FunctionalInterface
    public interface Disk {
        OutputStream open(Path file, OutputStream raw) throws IOException;
    }

    /** Receives the stream to write the content to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Disk disk;

    public AtomicFiles(Disk disk) {
        this.disk = Objects.requireNonNull(disk, "disk");
    }

    /** Writes {@code content} to {@code target} atomically; on any failure the target is untouched and no temporary file stays. */
    public void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                // Writers such as POI and CSVPrinter close the stream they are given; the file must
                // stay open until it has been forced to disk.
                OutputStream unclosable = new FilterOutputStream(new BufferedOutputStream(disk.open(tmp, out), 1 << 16)) {
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
            rename(tmp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Puts a complete staged file in place of {@code target}: a rename when both are on one file
     * system, otherwise a copy written beside the target with {@link #write} and renamed, then the
     * staged file is removed.
     */
    public void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            write(target, out -> {
                try (InputStream in = Files.newInputStream(staged)) {
                    in.transferTo(out);
                }
            });
            Files.delete(staged);
        }
    }

    /** The rename of a temporary file beside its target: atomic where the file system can. */
    private static void rename(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
