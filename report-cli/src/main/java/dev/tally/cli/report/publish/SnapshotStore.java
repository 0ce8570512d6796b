package dev.tally.cli.report.publish;

import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import dev.tally.waldur.snapshot.SnapshotException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The snapshots {@code tally export} keeps, one folder each, named by the harvest's start
 * ({@code 2026-11-02T060000.000Z}), so the next run can compare with the last one (docs/export.md,
 * "Snapshot history"). A snapshot is copied in under a hidden name and renamed into place, so the store
 * never holds half a snapshot. Retention removes only folders that are verified Tally snapshots, and in
 * them only the files their manifest lists: anything else someone put there stays. Call with the
 * export lock held.
 */
public final class SnapshotStore {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAMED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{6}\\.\\d{3}Z");
    private static final String COPYING = ".tally-keeping-";

    private final Path dir;
    private final int keep;

    /** A store in {@code dir} keeping the newest {@code keep} snapshots. */
    public SnapshotStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** The store's folder. */
    public Path dir() {
        return dir;
    }

    /** The folder name of a snapshot harvested from {@code startedAt}. */
    static String nameOf(Instant startedAt) {
        return NAME.format(startedAt);
    }

    /** The newest kept snapshot harvested before {@code startedAt}, verified; empty when there is none. */
    public Optional<Path> latestBefore(Instant startedAt) throws IOException {
        String name = nameOf(startedAt);
        List<Path> kept = kept();
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).getFileName().toString().compareTo(name) < 0) {
                return Optional.of(kept.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps a copy of the snapshot in {@code snapshot} (unless one from the same harvest is kept already),
     * then removes the oldest beyond the number to keep. Returns the kept copy.
     */
    public Path keep(Path snapshot) throws IOException {
        Manifest manifest = Snapshot.open(snapshot).manifest();
        Files.createDirectories(dir);
        Path target = dir.resolve(nameOf(manifest.startedAt()));
        if (!isKeptSnapshot(target)) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("cannot keep the snapshot: " + target + " exists and is not a Tally snapshot");
            }
            Path copying = dir.resolve(COPYING + target.getFileName());
            removeSnapshotFiles(copying);
            Files.createDirectories(copying);
            for (Manifest.Entry e : manifest.collections().values()) {
                Files.copy(snapshot.resolve(e.file()), copying.resolve(e.file()), StandardCopyOption.REPLACE_EXISTING);
            }
            // the manifest last: a copy without one is never taken for a snapshot
            Files.copy(snapshot.resolve(Manifest.FILE_NAME), copying.resolve(Manifest.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            Files.move(copying, target, StandardCopyOption.ATOMIC_MOVE);
        }
        prune();
        return target;
    }

    /** The kept snapshots, oldest first: folders named by time that open as verified snapshots. */
    List<Path> kept() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (isKeptSnapshot(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean isKeptSnapshot(Path p) {
        if (!NAMED.matcher(p.getFileName().toString()).matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            Snapshot.open(p);
            return true;
        } catch (SnapshotException e) {
            return false;
        }
    }

    private void prune() throws IOException {
        List<Path> kept = kept();
        for (int i = 0; i < kept.size() - keep; i++) {
            removeSnapshotFiles(kept.get(i));
        }
    }

    /** Removes a snapshot's derived cache folder (docs/cache.md) and its files; a link or anything deeper stays. */
    private static void removeCache(Path cache) throws IOException {
        if (!Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean emptied = true;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(cache)) {
            for (Path f : s) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(f);
                } else {
                    emptied = false;
                }
            }
        }
        if (emptied) {
            Files.delete(cache);
        }
    }

    /**
     * Removes the manifest's files and the manifest of one of our folders, then the folder if nothing else is in
     * it; a folder without a readable manifest loses only the snapshot files a killed copy may have left.
     */
    private static void removeSnapshotFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            Snapshot.open(folder).manifest().collections().values().forEach(e -> names.add(e.file()));
            names.add(Manifest.FILE_NAME);
        } catch (SnapshotException e) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.jsonl.gz")) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        for (String n : names) {
            Path f = folder.resolve(n);
            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(f);
            }
        }
        removeCache(folder.resolve(Manifest.CACHE_DIR));
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(folder)) {
            if (rest.iterator().hasNext()) {
                return;
            }
        }
        Files.delete(folder);
    }
}
