package dev.tally.cli.render;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stage-then-rename, the one way report-cli puts a file in place, so readers only ever see the old or
 * the complete new version (docs/export.md): the bytes go to a hidden temporary file beside the
 * target, are forced to disk, and the temporary file is renamed over the target. On failure the
 * temporary file is removed and the target is untouched.
 *
 * <p>The temporary file is created like any other file, so the finished file has the mode the umask
 * gives (typically {@code -rw-r--r--} or {@code -rw-r-----}), not the owner-only mode of
 * {@code Files.createTempFile}; {@link #withMode} sets an explicit mode instead (docs/export.md).
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
    /** The mode every written file gets, or null for what the umask gives. */
    private final Set<PosixFilePermission> mode;

    public AtomicFiles(Disk disk) {
        this(disk, null);
    }

    private AtomicFiles(Disk disk, Set<PosixFilePermission> mode) {
        this.disk = Objects.requireNonNull(disk, "disk");
        this.mode = mode == null ? null : Set.copyOf(mode);
    }

    /**
     * The same writer, but every file it writes gets {@code mode} (null: what the umask gives) before it
     * is renamed into place, so no reader ever sees it with another mode. File systems without POSIX
     * permissions (some shared drives) keep their own rules.
     */
    public AtomicFiles withMode(Set<PosixFilePermission> mode) {
        return new AtomicFiles(disk, mode);
    }

    /** Writes {@code content} to {@code target} atomically; on any failure the target is untouched and no temporary file stays. */
    public void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, target.getFileName().toString());
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
            applyMode(tmp);
            rename(tmp, target);
            // a run killed while writing this file left its temporary file; the file is now complete, so it goes
            removeStaleTemporaries(target);
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

    /**
     * Removes the temporary files {@link #write} makes beside {@code target} ({@code .NAME.<digits>.tmp}, regular
     * files only) that a killed run left (docs/reliability.md, "Crash leftovers"). Any other file stays.
     */
    public static void removeStaleTemporaries(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(target.toAbsolutePath().getParent(), p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp")
                    && n.substring(prefix.length(), n.length() - ".tmp".length()).matches("[0-9]+");
        })) {
            for (Path p : tmp) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * A new empty {@code .NAME.<random>.tmp} in {@code dir}, created without explicit permissions so the
     * umask decides them ({@code Files.createTempFile} would make it owner-only).
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // another name is drawn
            }
        }
    }

    private void applyMode(Path file) throws IOException {
        if (mode != null) {
            // where the file system has POSIX permissions; a shared drive without them keeps its own rules
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, mode);
            }
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
