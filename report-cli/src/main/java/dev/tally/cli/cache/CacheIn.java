package dev.tally.cli.cache;

import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link CacheOut} wrote. Every count and length is checked against the file's size before anything is
 * allocated, so a damaged file fails with {@link DamagedCache}, never with an out-of-memory error.
 */
final class CacheIn {
    private static final int CHUNK = 1 << 16;

    private final DataInputStream in;
    private final long limit;
    private final List<String> strings = new ArrayList<>();
    private final byte[] chunk = new byte[CHUNK];

    /** Reads {@code in}, which holds at most {@code limit} bytes. */
    CacheIn(DataInputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    /** A count of things of at least {@code bytesEach} bytes each. */
    int count(int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > limit) {
            throw new DamagedCache("a count (" + n + ") that does not fit the file");
        }
        return n;
    }

    int count() throws IOException {
        return count(1);
    }

    byte flag() throws IOException {
        return in.readByte();
    }

    String string() throws IOException {
        int k = in.readInt();
        if (k == CacheOut.NULL) {
            return null;
        }
        if (k >= 0 && k < strings.size()) {
            return strings.get(k);
        }
        if (k != strings.size()) {
            throw new DamagedCache("string " + k + " before string " + strings.size());
        }
        byte[] utf8 = new byte[count()];
        in.readFully(utf8);
        String s = new String(utf8, StandardCharsets.UTF_8);
        strings.add(s);
        return s;
    }

    List<String> strings() throws IOException {
        int n = count(4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string());
        }
        return out;
    }

    <E extends Enum<E>> E constant(Class<E> type) throws IOException {
        String name = string();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new DamagedCache("'" + name + "' is not a " + type.getSimpleName());
        }
    }

    BigDecimal decimal() throws IOException {
        byte kind = in.readByte();
        BigInteger unscaled;
        if (kind == 0) {
            return null;
        } else if (kind == 1) {
            long v = in.readLong();
            return BigDecimal.valueOf(v, in.readInt());
        } else if (kind == 2) {
            byte[] digits = new byte[count()];
            in.readFully(digits);
            unscaled = new BigInteger(digits);
        } else {
            throw new DamagedCache("a decimal of kind " + kind);
        }
        return new BigDecimal(unscaled, in.readInt());
    }

    /** A map of decimals, in a {@link HashMap} (the records copy it). */
    Map<String, BigDecimal> decimals() throws IOException {
        int n = count(6);
        Map<String, BigDecimal> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.put(string(), decimal());
        }
        return out;
    }

    Instant instant() throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        if (nanos == CacheOut.NULL) {
            return null;
        }
        if (nanos < 0 || nanos > 999_999_999) {
            throw new DamagedCache("an instant with " + nanos + " nanoseconds");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    int[] ints(int n) throws IOException {
        int[] a = new int[n];
        column(n, Integer.BYTES, (b, from, len) -> b.asIntBuffer().get(a, from, len));
        return a;
    }

    long[] longs(int n) throws IOException {
        long[] a = new long[n];
        column(n, Long.BYTES, (b, from, len) -> b.asLongBuffer().get(a, from, len));
        return a;
    }

    /** Reads a column of {@code n} values of {@code width} bytes a chunk at a time, handing each chunk to {@code to}. */
    private void column(int n, int width, CacheOut.Chunk to) throws IOException {
        int per = CHUNK / width;
        for (int from = 0; from < n; from += per) {
            int len = Math.min(per, n - from);
            in.readFully(chunk, 0, len * width);
            to.copy(ByteBuffer.wrap(chunk, 0, len * width), from, len);
        }
    }

    byte[] bytes(int n) throws IOException {
        byte[] a = new byte[n];
        in.readFully(a);
        return a;
    }

    /** A cache file that is not what a cache writer wrote: cut short, changed, or of another format. */
    static final class DamagedCache extends IOException {
        DamagedCache(String message) {
            super(message);
        }
    }
}
