package dev.tally.cli.report.publish;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.SafePaths;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes a run's files so that the shared drive only ever holds complete files:
 * <ol>
 *   <li>{@link #lock()} takes {@code ROOT/.tally-export.lock}; a second run fails at once;</li>
 *   <li>{@link #stage()} makes {@code ROOT/.tally-staging-*} (removing any left by a killed run);
 *       everything is rendered there and forced to disk;</li>
 *   <li>only when every file is rendered, {@link Staging#publish()} renames each one over its target
 *       (same file system, so each rename is atomic) and syncs the folder.</li>
 * </ol>
 * A run that fails while rendering removes its staging folder and leaves the previous files as they
 * were; re-running a month replaces its files in place (docs/export.md). Publishing only ever
 * replaces regular files of the names it rendered, never a folder or a link, and only inside the
 * root, also when a folder on the way is a symbolic link (docs/security.md).
 */
public final class Publisher {
    public static final String LOCK_FILE = ".tally-export.lock";
    public static final String STAGING_PREFIX = ".tally-staging-";

    private final Path root;
    private final AtomicFiles files;
    private final Set<PosixFilePermission> dirMode;

    /** A publisher into {@code root}; the run's files are staged and moved into place through {@code files}. */
    public Publisher(Path root, AtomicFiles files) {
        this(root, files, null);
    }

    /**
     * As {@link #Publisher(Path, AtomicFiles)}, and every folder it creates (the root, month folders)
     * gets {@code dirMode}; null leaves them as the umask makes them. Existing folders keep their mode.
     */
    public Publisher(Path root, AtomicFiles files, Set<PosixFilePermission> dirMode) {
        this.root = root.toAbsolutePath().normalize();
        this.files = files;
        this.dirMode = dirMode == null ? null : Set.copyOf(dirMode);
    }

    /** The root this publisher writes into, absolute. */
    public Path root() {
        return root;
    }

    /** Held while a run works; closing it releases the lock. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Takes the lock or throws a {@link LockHeldException} naming the lock file. */
    public Lock lock() throws IOException {
        createDirectories(root, dirMode);
        Path file = root.resolve(LOCK_FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new LockHeldException(file);
        }
        return new Lock(ch, l);
    }

    /**
     * A fresh staging folder; stale ones from killed runs are removed first (call with the lock held,
     * so none of them belongs to a running export). Only real folders are removed, not links.
     */
    public Staging stage() throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(root, STAGING_PREFIX + "*")) {
            for (Path p : old) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                }
            }
        }
        return new Staging(root, Files.createTempDirectory(root, STAGING_PREFIX), files, dirMode);
    }

    /** Files rendered for publishing: one staging sub-folder per destination folder. */
    public static final class Staging implements AutoCloseable {
        private final Path root;
        private final Path dir;
        private final AtomicFiles files;
        private final Set<PosixFilePermission> dirMode;
        private final Map<Path, Path> targets = new LinkedHashMap<>();

        private Staging(Path root, Path dir, AtomicFiles files, Set<PosixFilePermission> dirMode) {
            this.root = root;
            this.dir = dir;
            this.files = files;
            this.dirMode = dirMode;
        }

        /** The staging folder to render into for files that go to {@code destination}, which must lie inside the root. */
        public Path folderFor(Path destination) throws IOException {
            Path d = SafePaths.requireInside(root, destination, "destination");
            Path existing = targets.get(d);
            if (existing != null) {
                return existing;
            }
            Path s = Files.createDirectory(dir.resolve(Integer.toString(targets.size())));
            targets.put(d, s);
            return s;
        }

        /**
         * Renames every staged file over its target and returns the targets, in order. Every target is
         * checked first, so a refused one (a folder or link in the way, or a folder that leads out of the
         * root) publishes nothing.
         */
        public List<Path> publish() throws IOException {
            Map<Path, List<Path>> staged = new LinkedHashMap<>();
            for (Map.Entry<Path, Path> e : targets.entrySet()) {
                Path destination = e.getKey();
                createDirectories(destination, dirMode);
                SafePaths.requireInside(root.toRealPath(), destination.toRealPath(), "destination " + destination + " resolves to");
                try (Stream<Path> s = Files.list(e.getValue())) {
                    staged.put(destination, s.filter(Files::isRegularFile).sorted().toList());
                }
                for (Path f : staged.get(destination)) {
                    Path target = destination.resolve(f.getFileName().toString());
                    checkReplaceable(target);
                    // a copy into place across file systems (AtomicFiles.moveIntoPlace) that a killed run left;
                    // with the lock held no other export is writing one
                    AtomicFiles.removeStaleTemporaries(target);
                }
            }
            List<Path> published = new ArrayList<>();
            for (Map.Entry<Path, List<Path>> e : staged.entrySet()) {
                for (Path f : e.getValue()) {
                    Path target = e.getKey().resolve(f.getFileName().toString());
                    files.moveIntoPlace(f, target);
                    published.add(target);
                }
                syncDirectory(e.getKey());
            }
            return published;
        }

        /** Removes the staging folder and whatever is left in it. */
        @Override
        public void close() throws IOException {
            deleteTree(dir);
        }
    }

    /**
     * {@code Files.createDirectories}, then {@code mode} on each folder it created, top down (the umask
     * applies at creation, so the mode is set afterwards). Folders that existed are left as they are.
     */
    private static void createDirectories(Path dir, Set<PosixFilePermission> mode) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        if (mode != null) {
            for (Path p : missing) {
                PosixModes.apply(p, mode);
            }
        }
    }

    /** A file the export writes may replace a regular file of its name (an earlier run's), nothing else. */
    static void checkReplaceable(Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException("refusing to publish over " + target + ": it is "
                    + (Files.isSymbolicLink(target) ? "a symbolic link" : "a folder") + ", not a file an export wrote;"
                    + " move it away and run again");
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be opened for sync; the renames are still atomic
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
