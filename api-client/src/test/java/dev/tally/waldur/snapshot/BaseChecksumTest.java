package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file written from a base's members takes the base's verified checksum only when it comes out as the whole
 * base file; any other file is hashed, the part copied before it departed from the base included.
 */
class BaseChecksumTest {
    /** Stands for the base's checksum from its manifest: a writer that hashed instead could never give it. */
    private static final String BASE_SHA = "checksum of the base as verified";

    private static List<byte[]> lines(int n) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(("{\"uuid\":\"" + String.format("%032x", i * 7919L) + "\",\"n\":" + i + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static void write(CountingGzipWriter out, List<byte[]> lines) throws Exception {
        for (byte[] line : lines) {
            out.writeLine(line, 0, line.length, Arrays.hashCode(line));
        }
    }

    private static Path base(Path dir, List<byte[]> lines) throws Exception {
        Path file = dir.resolve("base.jsonl.gz");
        try (CountingGzipWriter out = new CountingGzipWriter(file, 4096, 2)) {
            write(out, lines);
            out.finish();
        }
        return file;
    }

    /** Writes {@code lines} into a new file, reusing the base's members as an incremental harvest does. */
    private static String rewrite(Path base, Path file, List<byte[]> lines) throws Exception {
        try (CountingGzipWriter out = new CountingGzipWriter(file, 4096, 2);
                BaseMembers members = new BaseMembers(base, BASE_SHA)) {
            out.reuse(members);
            int[] at = {0};
            members.forEachLine((bytes, from, length) -> {
                if (at[0] < lines.size()) {
                    byte[] line = lines.get(at[0]++);
                    out.writeLine(line, 0, line.length, Arrays.hashCode(line));
                }
            });
            write(out, lines.subList(at[0], lines.size()));
            out.endChunk();
            out.reuse(CountingGzipWriter.Reuse.NONE);
            assertThat(out.reused()).isPositive();
            return out.finish();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theWholeBaseTakesItsChecksum(@TempDir Path dir) throws Exception {
        List<byte[]> lines = lines(3000);
        Path base = base(dir, lines);
        Path copy = dir.resolve("copy.jsonl.gz");

        assertThat(rewrite(base, copy, lines)).isEqualTo(BASE_SHA);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(base));
    }

    @Test
    void aFileThatDepartsFromTheBaseIsHashedWhole(@TempDir Path dir) throws Exception {
        List<byte[]> lines = lines(3000);
        Path base = base(dir, lines);
        List<byte[]> changed = new ArrayList<>(lines);
        changed.set(2000, "{\"uuid\":\"changed\"}\n".getBytes(StandardCharsets.UTF_8));
        Path middle = dir.resolve("middle.jsonl.gz");
        Path shorter = dir.resolve("shorter.jsonl.gz");
        Path longer = dir.resolve("longer.jsonl.gz");
        List<byte[]> more = new ArrayList<>(lines);
        more.addAll(lines(10));

        assertThat(rewrite(base, middle, changed)).isEqualTo(sha256(middle));
        assertThat(rewrite(base, shorter, lines.subList(0, 2500))).isEqualTo(sha256(shorter));
        assertThat(rewrite(base, longer, more)).isEqualTo(sha256(longer));
    }
}
