package dev.tally.emulator.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
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
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return String.format("%016x%016x", hi, lo);
    }

    /** A 40-hex DRF authtoken key. */
    public static String token(SplittableRandom random) {
        return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
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
