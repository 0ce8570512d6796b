package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel inflation gives GZIPInputStream's bytes (and its errors) for any member sizes. */
class ParallelGunzipTest {
    private static byte[] member(byte[] content, int level) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(b) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(content);
        }
        return b.toByteArray();
    }

    private static byte[] lines(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("{\"uuid\":\"").append(Long.toHexString(r.nextLong())).append("\",\"usage\":").append(r.nextInt(100000))
                    .append(",\"type\":\"gpu_k_hours\"}\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] both(Path file) throws IOException {
        byte[] expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            expected = in.readAllBytes();
        }
        try (InputStream in = ParallelGunzip.open(file)) {
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
        return expected;
    }

    @Test
    void membersOfIrregularSizesInflateToTheSameBytes(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        Path file = dir.resolve("usages.jsonl.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 60; i++) {
                // from a few bytes to several pieces' worth, some members cutting a line in two
                byte[] content = lines(r, i % 7 == 0 ? 200_000 : 1 + r.nextInt(30_000));
                int cut = r.nextInt(content.length);
                out.write(member(Arrays.copyOf(content, cut), Deflater.DEFAULT_COMPRESSION));
                out.write(member(Arrays.copyOfRange(content, cut, content.length), 1));
            }
            out.write(member(new byte[0], 6));
        }
        assertThat(Files.size(file)).isGreaterThan(3L * ParallelGunzip.PIECE);
        assertThat(both(file).length).isGreaterThan(40_000_000);
    }

    @Test
    void bytesThatOnlyLookLikeAHeaderAreFoundOutAndReadInOrder(@TempDir Path dir) throws IOException {
        // stored (level 0) members copy their content into the file: look-alike headers everywhere
        byte[] fake = new byte[3 * ParallelGunzip.PIECE];
        for (int i = 0; i + 4 <= fake.length; i += 4) {
            fake[i] = 0x1f;
            fake[i + 1] = (byte) 0x8b;
            fake[i + 2] = 8;
            fake[i + 3] = 0;
        }
        Path file = dir.resolve("orders.jsonl.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(member(lines(new Random(1), 100_000), 6));
            out.write(member(fake, Deflater.NO_COMPRESSION));
            out.write(member(lines(new Random(2), 100_000), 6));
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            assertThat(ParallelGunzip.starts(ch, (int) Files.size(file)).size()).isGreaterThan(2);
        }
        both(file);
    }

    @Test
    void aDamagedOrCutFileFailsAsGzipInputStreamDoes(@TempDir Path dir) throws IOException {
        Random r = new Random(3);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 12; i++) {
            b.write(member(lines(r, 60_000), 1));
        }
        byte[] good = b.toByteArray();
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(good, good.length - 5000));
        assertThatThrownBy(() -> {
            try (InputStream in = ParallelGunzip.open(cut)) {
                in.readAllBytes();
            }
        }).isInstanceOf(java.io.EOFException.class);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x55;
        Path bad = Files.write(dir.resolve("bad.gz"), flipped);
        assertThatThrownBy(() -> {
            try (InputStream in = ParallelGunzip.open(bad)) {
                in.readAllBytes();
            }
        }).isInstanceOf(java.util.zip.ZipException.class);
        byte[] tail = Arrays.copyOf(good, good.length + 3);
        both(Files.write(dir.resolve("tail.gz"), tail));
    }
}
