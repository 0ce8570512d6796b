package dev.tally.waldur.snapshot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Directory moves for publishing a finished snapshot without ever exposing a half-written one. */
final class SnapshotDirectories {
    private SnapshotDirectories() {
    }

    /**
     * Renames {@code staging} to {@code target}. An existing target is first renamed aside and removed
     * only after the new one is in place, so a crash leaves either the old or the new snapshot.
     */
    static void publish(Path staging, Path target) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            aside = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(aside);
            move(target, aside);
        }
        move(staging, target);
        if (aside != null) {
            deleteRecursively(aside);
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
        if (!Files.exists(dir)) {
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
            // Best effort: a leftover hidden staging directory is harmless and named as such.
        }
    }
}
