package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directory moves for publishing a finished snapshot without ever exposing a half-written one, and the
 * rule that keeps them from destroying anything that is not a snapshot (docs/security.md).
 */
final class SnapshotDirectories {
    /** Name infix of a harvest's staging sibling: {@code .NAME.partial-RANDOM}. */
    static final String PARTIAL = ".partial-";
    /** Name infix of a replaced snapshot waiting to be removed: {@code .NAME.old-RANDOM}. */
    static final String OLD = ".old-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotDirectories() {
    }

    /**
     * Why a snapshot may not be written to {@code target} ("it is ..."), or {@code null} when it may: only a
     * directory that does not exist, is empty, or already holds a Tally snapshot (a {@code manifest.json}
     * of format {@value Manifest#FORMAT}) and nothing but snapshot files is replaced. Anything else might be someone's work.
     */
    static String refusal(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (t.getParent() == null) {
            return "it is the root of the file system";
        }
        if (Files.isSymbolicLink(t)) {
            return "it is a symbolic link; give the directory itself";
        }
        if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a file, not a snapshot directory";
        }
        try (Stream<Path> entries = Files.list(t)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        } catch (IOException e) {
            return "it cannot be listed (" + e.getMessage() + ")";
        }
        if (isSnapshot(t)) {
            String foreign = firstForeignEntry(t);
            return foreign == null ? null : "it is a Tally snapshot but also holds " + foreign
                    + ", which a harvest did not write; move it away or choose another directory";
        }
        return "it is not empty and is not a Tally snapshot (no " + Manifest.FILE_NAME + " of format "
                + Manifest.FORMAT + "); choose a new or empty directory";
    }

    private static boolean isSnapshot(Path dir) {
        Path manifest = dir.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return Manifest.FORMAT.equals(JSON.readTree(manifest.toFile()).path("format").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    /** Throws a {@link SnapshotTargetException} when {@link #refusal} refuses {@code target}. */
    static void checkReplaceable(Path target) {
        String why = refusal(target);
        if (why != null) {
            throw new SnapshotTargetException("refusing to write a snapshot to " + target.toAbsolutePath().normalize() + ": " + why);
        }
    }

    /**
     * Renames {@code staging} to {@code target}. An existing target is first checked again (it may have
     * changed during the harvest), renamed aside and removed only after the new one is in place, so a
     * crash leaves either the old or the new snapshot.
     */
    static void publish(Path staging, Path target) throws IOException {
        checkReplaceable(target);
        Path aside = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + OLD);
            Files.delete(aside);
            move(target, aside);
        }
        move(staging, target);
        if (aside != null) {
            deleteRecursively(aside);
        }
    }

    /**
     * Removes the hidden siblings {@code .NAME<infix>*} of {@code target} that a killed harvest left:
     * only directories last changed before {@code before} (a harvest running now is left alone) that
     * hold nothing but snapshot files. Returns what was removed.
     */
    static List<Path> removeLeftovers(Path target, String infix, Instant before) throws IOException {
        String prefix = "." + target.getFileName() + infix;
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path p : siblings) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)
                        && holdsOnlySnapshotFiles(p)) {
                    deleteRecursively(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    private static boolean holdsOnlySnapshotFiles(Path dir) {
        return firstForeignEntry(dir) == null;
    }

    /**
     * The name of the first entry of {@code dir} (in name order) that a harvest does not write (a
     * sub-folder, a link, anything but {@code *.jsonl.gz} and {@code manifest.json}), or {@code null}.
     * The derived-files folder {@value Manifest#CACHE_DIR} (a real folder, not a link) belongs to the snapshot:
     * it is rebuilt from the files and goes with them.
     */
    private static String firstForeignEntry(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !(Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && (p.getFileName().toString().endsWith(".jsonl.gz") || p.getFileName().toString().equals(Manifest.FILE_NAME)))
                            && !(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().equals(Manifest.CACHE_DIR)))
                    .map(p -> p.getFileName().toString()).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return dir.toString();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a directory tree; quietly does nothing if it is already gone. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort: a leftover hidden staging directory is harmless, named as such, and removed by the next harvest.
        }
    }
}
