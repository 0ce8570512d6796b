package dev.tally.waldur.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a snapshot's data files against the SHA-256s its manifest lists, so that a changed, cut or missing file is
 * refused with a message that names it. {@link Snapshot.Verification} says whether files an earlier command checked,
 * and that are unchanged since, are hashed again (docs/cache.md, "Files already checked").
 */
final class Checksums {
    private Checksums() {
    }

    /**
     * Verifies every file of {@code manifest} in {@code dir}.
     *
     * @return the names of the files that were hashed (all of them with {@link Snapshot.Verification#FULL}; with
     *         {@code REMEMBERED}, those the record did not vouch for)
     */
    static List<String> verify(Path dir, Manifest manifest, Snapshot.Verification how) {
        return verify(dir, manifest, how, VerifiedFiles.MARGIN_NANOS);
    }

    /** The same, recording only files last changed at least {@code marginNanos} before the check began. */
    static List<String> verify(Path dir, Manifest manifest, Snapshot.Verification how, long marginNanos) {
        boolean remember = how == Snapshot.Verification.REMEMBERED;
        VerifiedFiles known = remember ? VerifiedFiles.read(dir) : VerifiedFiles.none();
        List<VerifiedFiles.Line> kept = new ArrayList<>();
        Optional<VerifiedFiles.Update> update = Optional.empty();
        List<String> hashed = new ArrayList<>();
        boolean done = false;
        try {
            for (Map.Entry<String, Manifest.Entry> e : manifest.collections().entrySet()) {
                Manifest.Entry entry = e.getValue();
                Path file = Snapshot.dataFile(dir, e.getKey(), entry);
                Optional<FileStamp> before = remember ? FileStamp.of(file) : Optional.empty();
                Optional<VerifiedFiles.Line> vouched = before.flatMap(stamp -> known.vouchedFor(entry, stamp));
                if (vouched.isPresent()) {
                    kept.add(vouched.get());
                    continue;
                }
                if (remember && hashed.isEmpty()) {
                    // the first file to hash begins the new record, whose time is when this check began
                    update = VerifiedFiles.begin(dir, marginNanos);
                }
                hash(dir, file, entry);
                hashed.add(entry.file());
                Optional<FileStamp> after = remember ? FileStamp.of(file) : Optional.empty();
                update.ifPresent(u -> u.checked(entry.file(), entry.sha256(), before, after));
            }
            done = true;
        } finally {
            if (done) {
                update.ifPresent(u -> {
                    kept.forEach(u::keep);
                    u.finish();
                });
            } else {
                update.ifPresent(VerifiedFiles.Update::abandon);
            }
        }
        return hashed;
    }

    private static void hash(Path dir, Path file, Manifest.Entry entry) {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            throw new SnapshotException("snapshot " + dir + " is damaged: " + entry.file()
                    + " does not match its SHA-256 in " + Manifest.FILE_NAME + " (changed after the harvest?)");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
