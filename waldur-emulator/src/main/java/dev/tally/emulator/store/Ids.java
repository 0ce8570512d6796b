package dev.tally.emulator.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** Waldur's wire formats for identifiers, timestamps and decimals. */
public final class Ids {
    // Waldur (DRF) renders datetimes in UTC with microseconds and a literal Z.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Ids() {
    }

    /** A random version-4 UUID as 32 lowercase hex characters without hyphens, as Waldur renders it. */
    public static String uuid(SplittableRandom random) {
        long hi = uuidHigh(random);
        return hex(hi, uuidLow(random));
    }

    /** The first half of {@link #uuid}: draws one long and sets the version nibble. */
    static long uuidHigh(SplittableRandom random) {
        return (random.nextLong() & ~0xF000L) | 0x4000L;
    }

    /** The second half of {@link #uuid}: draws one long and sets the variant bits. */
    static long uuidLow(SplittableRandom random) {
        return (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }

    /**
     * Two longs as 32 lowercase hex digits, the same text as {@code String.format("%016x%016x", hi, lo)}. Written
     * by hand because the generator makes millions of UUIDs and {@code Formatter} dominated its profile.
     */
    public static String hex(long hi, long lo) {
        byte[] text = new byte[32];
        putHex(text, 0, hi, 16);
        putHex(text, 16, lo, 16);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** The inverse of {@link #hex}: the high (half 0) or low (half 1) long of a 32-hex UUID. */
    static long hexHalf(String uuid, int half) {
        if (uuid.length() != 32) {
            throw new IllegalArgumentException("uuid (" + uuid + ") must be 32 hex digits");
        }
        return Long.parseUnsignedLong(uuid, half * 16, half * 16 + 16, 16);
    }

    /** A 40-hex DRF authtoken key. */
    public static String token(SplittableRandom random) {
        long a = random.nextLong();
        long b = random.nextLong();
        int c = random.nextInt();
        byte[] text = new byte[40];
        putHex(text, 0, a, 16);
        putHex(text, 16, b, 16);
        putHex(text, 32, c & 0xFFFFFFFFL, 8);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void putHex(byte[] text, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            text[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    public static String timestamp(Instant instant) {
        return timestamp(instant.getEpochSecond(), instant.getNano() / 1000);
    }

    /** The same text as {@link #timestamp(Instant)} for microseconds since the epoch. */
    public static String timestampMicros(long epochMicros) {
        return timestamp(Math.floorDiv(epochMicros, 1_000_000L), (int) Math.floorMod(epochMicros, 1_000_000L));
    }

    /** Microseconds since the epoch, truncating nanoseconds as the {@code SSSSSS} pattern does. */
    public static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /**
     * Formats by hand for four-digit years, the only ones the data holds: DateTimeFormatter builds a ZoneRules and
     * a print context per call, which showed up in the profile at millions of timestamps. Other years take the
     * formatter so the text never differs from {@link #TIMESTAMP}.
     */
    private static String timestamp(long epochSecond, int micros) {
        long days = Math.floorDiv(epochSecond, 86400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86400L);
        LocalDate date = days > -719528 && days < 2932897 ? LocalDate.ofEpochDay(days) : null;
        if (date == null || date.getYear() < 1000 || date.getYear() > 9999) {
            return TIMESTAMP.format(Instant.ofEpochSecond(epochSecond, micros * 1000L));
        }
        byte[] text = new byte[27];
        putDigits(text, 0, date.getYear(), 4);
        text[4] = '-';
        putDigits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        putDigits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        putDigits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        putDigits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        putDigits(text, 17, secondOfDay % 60, 2);
        text[19] = '.';
        putDigits(text, 20, micros, 6);
        text[26] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void putDigits(byte[] text, int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            text[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Decimal(22,10) as Waldur serialises it: a string with exactly ten decimal places. */
    public static String decimal10(BigDecimal value) {
        return value.setScale(10, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Accepts both the hyphenated and the 32-hex UUID forms and returns the 32-hex form, or null if malformed. */
    public static String normalizeUuid(String text) {
        if (text == null) {
            return null;
        }
        String hex = text.strip().toLowerCase().replace("-", "");
        return hex.matches("[0-9a-f]{32}") ? hex : null;
    }
}
