package dev.tally.waldur.snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The record of the snapshot files whose SHA-256 an earlier command checked (docs/cache.md, "Files already
 * checked"): {@code SNAPSHOT/.tally-cache/verified.txt}, a line per file with the checksum it matched and its
 * {@link FileStamp} at the time. A file that still has the recorded stamp holds the bytes that were checked, so it is
 * not hashed again.
 *
 * <p>A file is recorded only when its last change came well before the check began: a file changed again within the
 * same tick of the file system's clock keeps its times, so only a stamp from an earlier tick than any later change
 * proves the bytes unchanged. The check's start is read from the file system's own clock, as the time of the
 * temporary file the new record is written to ({@link Update}).
 *
 * <p>The record is a shortcut, never needed: anything wrong with it (missing, unreadable, another format, a link in
 * its place) makes every file be hashed, and a record that cannot be written is left unwritten without a word.
 */
final class VerifiedFiles {
    static final String FILE = "verified.txt";
    private static final String FORMAT = "tally-verified/1";
    /**
     * How long before a check began a file must have last changed to be recorded: longer than the tick of any file
     * system's clock (a few milliseconds on Linux, two seconds on FAT and some network shares).
     */
    static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** One checked file: its name in the manifest, the checksum it matched, its stamp before and after hashing. */
    record Line(String file, String sha256, FileStamp stamp) {
    }

    private final Map<String, Line> lines;

    private VerifiedFiles(Map<String, Line> lines) {
        this.lines = lines;
    }

    /** A record that vouches for nothing. */
    static VerifiedFiles none() {
        return new VerifiedFiles(Map.of());
    }

    /** The record in the snapshot directory {@code dir}; {@link #none()} when there is no usable one. */
    static VerifiedFiles read(Path dir) {
        Path folder = dir.resolve(Manifest.CACHE_DIR);
        Path file = folder.resolve(FILE);
        // only a real folder holding a real file: a link could lead to a record of other files
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return none();
        }
        try {
            List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (text.isEmpty() || !text.get(0).equals(FORMAT)) {
                return none();
            }
            Map<String, Line> lines = new HashMap<>();
            for (String row : text.subList(1, text.size())) {
                String[] f = row.split("\t", -1);
                if (f.length != 7) {
                    return none();
                }
                lines.put(f[0], new Line(f[0], f[1], new FileStamp(Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]))));
            }
            return new VerifiedFiles(lines);
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /** The line to keep for a file this record vouches for: checked against {@code entry}'s checksum, stamp unchanged. */
    Optional<Line> vouchedFor(Manifest.Entry entry, FileStamp now) {
        Line line = lines.get(entry.file());
        boolean vouched = line != null && line.sha256().equalsIgnoreCase(entry.sha256()) && line.stamp().equals(now);
        return vouched ? Optional.of(line) : Optional.empty();
    }

    /**
     * Begins a new record in {@code dir}'s cache folder; empty where none can be written (a read-only snapshot, a
     * full disk, a link or a file named like the folder, a file system without status-change times).
     */
    static Optional<Update> begin(Path dir, long marginNanos) {
        Path folder = dir.resolve(Manifest.CACHE_DIR);
        Path tmp = null;
        try {
            if (Files.isSymbolicLink(folder)) {
                return Optional.empty();
            }
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, "." + FILE + ".", ".tmp");
            Optional<FileStamp> created = FileStamp.of(tmp);
            if (created.isPresent()) {
                return Optional.of(new Update(folder, tmp, created.get().lastChangeNanos() - marginNanos));
            }
        } catch (IOException | RuntimeException e) {
            // no record this time
        }
        deleteQuietly(tmp);
        return Optional.empty();
    }

    /** A record being made: the files checked so far, written into place by {@link #finish()}. */
    static final class Update {
        private final Path folder;
        private final Path tmp;
        private final long latestChangeNanos;
        private final List<Line> lines = new ArrayList<>();

        private Update(Path folder, Path tmp, long latestChangeNanos) {
            this.folder = folder;
            this.tmp = tmp;
            this.latestChangeNanos = latestChangeNanos;
        }

        /** Keeps a line an earlier record vouched for. */
        void keep(Line line) {
            lines.add(line);
        }

        /**
         * Records a file just hashed against {@code sha256}, with its stamps from before and after hashing: only when
         * it did not change meanwhile and had last changed well before this check began.
         */
        void checked(String file, String sha256, Optional<FileStamp> before, Optional<FileStamp> after) {
            if (before.isPresent() && before.equals(after) && before.get().lastChangeNanos() <= latestChangeNanos) {
                lines.add(new Line(file, sha256, before.get()));
            }
        }

        /** Writes the record and renames it into place, replacing the earlier one; quietly gives up on failure. */
        void finish() {
            boolean moved = false;
            try {
                try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                            StandardCharsets.UTF_8));
                    w.write(FORMAT);
                    w.write('\n');
                    for (Line l : lines) {
                        FileStamp s = l.stamp();
                        w.write(String.join("\t", l.file(), l.sha256(), Long.toString(s.size()),
                                Long.toString(s.modifiedNanos()), Long.toString(s.changedNanos()),
                                Long.toString(s.device()), Long.toString(s.inode())));
                        w.write('\n');
                    }
                    w.flush();
                    channel.force(true);
                }
                try {
                    Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } catch (IOException | RuntimeException e) {
                // the record only saves work; without it the next command hashes the files again
            } finally {
                if (!moved) {
                    deleteQuietly(tmp);
                }
            }
        }

        /** Drops the record being made, leaving the earlier one as it was. */
        void abandon() {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover .verified.txt.*.tmp is never read
            }
        }
    }
}
