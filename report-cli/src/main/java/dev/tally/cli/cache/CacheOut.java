package dev.tally.cli.cache;

import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the cache's values (docs/cache.md, "File format"): big-endian numbers, each distinct string once (later uses
 * name it by number), decimals exactly (unscaled digits and scale), and whole columns in bulk.
 */
final class CacheOut {
    static final int NULL = -1;
    private static final int CHUNK = 1 << 16;

    private final DataOutputStream out;
    private final Map<String, Integer> strings = new HashMap<>();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

    CacheOut(DataOutputStream out) {
        this.out = out;
    }

    void count(int n) throws IOException {
        out.writeInt(n);
    }

    void flag(byte b) throws IOException {
        out.writeByte(b);
    }

    /** A string as its number; the first use of a string also writes its UTF-8 bytes. */
    void string(String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        Integer known = strings.get(s);
        if (known != null) {
            out.writeInt(known);
            return;
        }
        int next = strings.size();
        strings.put(s, next);
        out.writeInt(next);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    void strings(List<String> values) throws IOException {
        count(values.size());
        for (String v : values) {
            string(v);
        }
    }

    /** An enum constant by name, so a reordered enum cannot change a value. */
    void constant(Enum<?> e) throws IOException {
        string(e == null ? null : e.name());
    }

    /** A decimal exactly: null, a {@code long} unscaled value or its two's-complement bytes, then the scale. */
    void decimal(BigDecimal d) throws IOException {
        if (d == null) {
            out.writeByte(0);
            return;
        }
        if (d.unscaledValue().bitLength() < 64) {
            out.writeByte(1);
            out.writeLong(d.unscaledValue().longValue());
        } else {
            byte[] digits = d.unscaledValue().toByteArray();
            out.writeByte(2);
            out.writeInt(digits.length);
            out.write(digits);
        }
        out.writeInt(d.scale());
    }

    void decimals(Map<String, BigDecimal> values) throws IOException {
        count(values.size());
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            string(e.getKey());
            decimal(e.getValue());
        }
    }

    /** An instant as seconds and nanoseconds; {@value #NULL} nanoseconds for none. */
    void instant(Instant t) throws IOException {
        out.writeLong(t == null ? 0 : t.getEpochSecond());
        out.writeInt(t == null ? NULL : t.getNano());
    }

    void ints(int[] a, int n) throws IOException {
        column(n, Integer.BYTES, (b, from, len) -> b.asIntBuffer().put(a, from, len));
    }

    void longs(long[] a, int n) throws IOException {
        column(n, Long.BYTES, (b, from, len) -> b.asLongBuffer().put(a, from, len));
    }

    /** Writes a column of {@code n} values of {@code width} bytes a chunk at a time, {@code from} filling each chunk. */
    private void column(int n, int width, Chunk from) throws IOException {
        int per = CHUNK / width;
        for (int start = 0; start < n; start += per) {
            int len = Math.min(per, n - start);
            chunk.clear();
            from.copy(chunk, start, len);
            out.write(chunk.array(), 0, len * width);
        }
    }

    /** Copies {@code len} values from index {@code from} of a column to (or from) a chunk of the file. */
    @FunctionalInterface
    interface Chunk {
        void copy(ByteBuffer chunk, int from, int len);
    }

    void bytes(byte[] a, int n) throws IOException {
        out.write(a, 0, n);
    }
}
