package dev.tally.waldur.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the file system says about a file that changes whenever its bytes do (docs/cache.md, "Files already checked"):
 * its size, its modification and status-change times to the nanosecond the file system keeps, and its device and
 * inode. The status-change time ({@code ctime}) cannot be set back by any program, so a file written, touched back to
 * its old time or replaced by another file no longer has the stamp it had.
 */
record FileStamp(long size, long modifiedNanos, long changedNanos, long device, long inode) {

    /**
     * The stamp of {@code file}, or empty where the file system has no POSIX status-change time (Windows) or the
     * file cannot be read as a plain file: then nothing is ever vouched for and every file is hashed.
     */
    static Optional<FileStamp> of(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileStamp((Long) a.get("size"), nanos(a.get("lastModifiedTime")),
                    nanos(a.get("ctime")), (Long) a.get("dev"), (Long) a.get("ino")));
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | IOException e) {
            return Optional.empty();
        }
    }

    /** The later of the two times: when the file's bytes or its metadata last changed. */
    long lastChangeNanos() {
        return Math.max(modifiedNanos, changedNanos);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
