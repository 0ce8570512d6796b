package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@link Snapshot.Verification#REMEMBERED}, a file is not hashed again only when the record says it matched the
 * manifest's checksum, it has the stamp it had then, and that stamp was already old when the record was written;
 * every other case hashes, and a changed file is refused as with a full check.
 */
class VerifiedFilesTest {
    private static final List<String> FILES = List.of("customers.jsonl.gz", "projects.jsonl.gz", "resources.jsonl.gz");

    private static Manifest snapshot(Path dir) throws Exception {
        Map<String, Manifest.Entry> entries = new LinkedHashMap<>();
        for (String file : FILES) {
            byte[] bytes = ("the bytes of " + file + "\n").repeat(50).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(file), bytes);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            entries.put(file.substring(0, file.indexOf('.')), new Manifest.Entry(file, 50, sha));
        }
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        return new Manifest(Manifest.FORMAT, "http://127.0.0.1/api/", at, at, "test", entries);
    }

    private static Path record(Path dir) {
        return dir.resolve(Manifest.CACHE_DIR).resolve(VerifiedFiles.FILE);
    }

    /** Checks as a command does, except that a file counts as old however recently it changed. */
    private static List<String> remembered(Path dir, Manifest manifest) {
        return Checksums.verify(dir, manifest, Snapshot.Verification.REMEMBERED, 0);
    }

    @Test
    void filesCheckedOnceAndUnchangedSinceAreNotHashedAgain(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);

        assertThat(remembered(dir, manifest)).as("nothing recorded yet").isEqualTo(FILES);
        assertThat(Files.readAllLines(record(dir))).hasSize(1 + FILES.size()).first().isEqualTo("tally-verified/1");
        assertThat(record(dir).getParent()).isDirectoryNotContaining(p -> !p.getFileName().toString().equals(VerifiedFiles.FILE));
        byte[] before = Files.readAllBytes(record(dir));
        assertThat(remembered(dir, manifest)).isEmpty();
        assertThat(Files.readAllBytes(record(dir))).as("left as it is when nothing was hashed").isEqualTo(before);
    }

    @Test
    void filesChangedJustBeforeTheCheckAreHashedAndNotRecorded(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);

        assertThat(Checksums.verify(dir, manifest, Snapshot.Verification.REMEMBERED)).isEqualTo(FILES);
        assertThat(Files.readAllLines(record(dir))).containsExactly("tally-verified/1");
        assertThat(Checksums.verify(dir, manifest, Snapshot.Verification.REMEMBERED)).isEqualTo(FILES);
    }

    @Test
    void aFileWrittenAfterTheRecordIsHashedAndRefusedEvenWithItsOldSizeAndTime(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);
        remembered(dir, manifest);
        Path projects = dir.resolve("projects.jsonl.gz");
        FileTime mtime = Files.getLastModifiedTime(projects);
        byte[] bytes = Files.readAllBytes(projects);
        bytes[7] ^= 1;
        Files.write(projects, bytes);
        Files.setLastModifiedTime(projects, mtime);

        assertThatThrownBy(() -> remembered(dir, manifest)).isInstanceOf(SnapshotException.class)
                .hasMessage("snapshot " + dir + " is damaged: projects.jsonl.gz does not match its SHA-256 in"
                        + " manifest.json (changed after the harvest?)");
    }

    @Test
    void aFileRecordedAgainstAnotherChecksumIsHashed(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);
        remembered(dir, manifest);
        String sha = manifest.collections().get("resources").sha256();
        Files.writeString(record(dir), Files.readString(record(dir)).replace(sha, "0".repeat(64)));

        assertThat(remembered(dir, manifest)).containsExactly("resources.jsonl.gz");
        assertThat(Files.readString(record(dir))).contains(sha);
    }

    @Test
    void aRecordInAnotherFormatIsIgnoredAndReplaced(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);
        Files.createDirectories(record(dir).getParent());
        Files.writeString(record(dir), "tally-verified/1\nnot\ta\trecord\n");

        assertThat(remembered(dir, manifest)).isEqualTo(FILES);
        assertThat(Files.readAllLines(record(dir))).hasSize(1 + FILES.size()).first().isEqualTo("tally-verified/1");
    }

    @Test
    void aLinkInPlaceOfTheCacheFolderIsNeitherReadNorWritten(@TempDir Path dir) throws Exception {
        Path snap = Files.createDirectory(dir.resolve("snap"));
        Manifest manifest = snapshot(snap);
        remembered(snap, manifest);
        Path elsewhere = dir.resolve("elsewhere");
        Files.move(snap.resolve(Manifest.CACHE_DIR), elsewhere);
        Files.createSymbolicLink(snap.resolve(Manifest.CACHE_DIR), elsewhere);
        byte[] before = Files.readAllBytes(elsewhere.resolve(VerifiedFiles.FILE));
        FileTime written = Files.getLastModifiedTime(elsewhere.resolve(VerifiedFiles.FILE));

        assertThat(remembered(snap, manifest)).isEqualTo(FILES);
        assertThat(Files.readAllBytes(elsewhere.resolve(VerifiedFiles.FILE))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(elsewhere.resolve(VerifiedFiles.FILE))).isEqualTo(written);
        assertThat(elsewhere).isDirectoryNotContaining(p -> !p.getFileName().toString().equals(VerifiedFiles.FILE));
    }

    @Test
    void aFullCheckHashesEveryFileAndNeitherReadsNorWritesTheRecord(@TempDir Path dir) throws Exception {
        Manifest manifest = snapshot(dir);
        assertThat(Checksums.verify(dir, manifest, Snapshot.Verification.FULL)).isEqualTo(FILES);
        assertThat(dir.resolve(Manifest.CACHE_DIR)).doesNotExist();

        remembered(dir, manifest);
        byte[] before = Files.readAllBytes(record(dir));
        assertThat(Checksums.verify(dir, manifest, Snapshot.Verification.FULL)).isEqualTo(FILES);
        assertThat(Files.readAllBytes(record(dir))).isEqualTo(before);
    }
}
