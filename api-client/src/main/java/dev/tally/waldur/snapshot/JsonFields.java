package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tally.waldur.model.Uuids;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Field readers for the streaming snapshot readers ({@link UsageReader}, {@link OrderReader},
 * {@link ResourceReader}): each reads the value at the parser's current token as the typed
 * records of {@code dev.tally.waldur.model} read it. The usual forms take a short path; anything else goes to the
 * parser's codec (the snapshot's mapper), so the result is the same either way.
 */
final class JsonFields {
    /** What {@link #epochMonth} returns for a null date. */
    static final int NO_MONTH = Integer.MIN_VALUE;

    private static final TypeReference<Map<String, BigDecimal>> DECIMALS = new TypeReference<>() {
    };

    private JsonFields() {
    }

    /** A UUID in canonical form ({@link Uuids#normalise}). */
    static String uuid(JsonParser p, JsonToken value) throws IOException {
        return Uuids.normalise(text(p, value));
    }

    /** A {@code BigDecimal} (numbers exactly as written; strings as the mapper reads them). */
    static BigDecimal decimal(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        return value.isNumeric() ? p.getDecimalValue() : p.readValueAs(BigDecimal.class);
    }

    /** A {@code Map<String, BigDecimal>}, as the mapper reads it. */
    static Map<String, BigDecimal> decimals(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : p.readValueAs(DECIMALS);
    }

    static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return value == JsonToken.VALUE_NULL ? null : p.readValueAs(String.class);
    }

    /** The epoch month ({@link UsageSink#epochMonth}) of a {@code LocalDate} field; {@code yyyy-mm-dd} directly, anything else as the mapper reads it. */
    static int epochMonth(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING && p.getTextLength() == 10) {
            char[] c = p.getTextCharacters();
            int o = p.getTextOffset();
            if (digits(c, o, 4) && c[o + 4] == '-' && digits(c, o + 5, 2) && c[o + 7] == '-' && digits(c, o + 8, 2)) {
                int year = number(c, o, 4);
                int monthOfYear = number(c, o + 5, 2);
                int day = number(c, o + 8, 2);
                if (monthOfYear >= 1 && monthOfYear <= 12 && day >= 1 && day <= 28) {
                    return year * 12 + monthOfYear - 1;
                }
            }
        }
        LocalDate d = p.readValueAs(LocalDate.class);
        return d == null ? NO_MONTH : UsageSink.epochMonth(d);
    }

    /** An {@code Instant} field; {@code yyyy-mm-ddThh:mm:ss[.f…]Z} directly, anything else as the mapper reads it. */
    static Instant instant(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            Instant fast = isoInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (fast != null) {
                return fast;
            }
        }
        return p.readValueAs(Instant.class);
    }

    /** The instant of {@code yyyy-mm-ddThh:mm:ss[.f{1,9}]Z} in UTC, or null when the text has another form. */
    static Instant isoInstant(char[] c, int o, int len) {
        if (len < 20 || c[o + len - 1] != 'Z' || !digits(c, o, 4) || c[o + 4] != '-' || !digits(c, o + 5, 2)
                || c[o + 7] != '-' || !digits(c, o + 8, 2) || c[o + 10] != 'T' || !digits(c, o + 11, 2)
                || c[o + 13] != ':' || !digits(c, o + 14, 2) || c[o + 16] != ':' || !digits(c, o + 17, 2)) {
            return null;
        }
        int nano = 0;
        int fraction = len - 21;
        if (len != 20) {
            if (c[o + 19] != '.' || fraction < 1 || fraction > 9 || !digits(c, o + 20, fraction)) {
                return null;
            }
            nano = number(c, o + 20, fraction);
            for (int k = fraction; k < 9; k++) {
                nano *= 10;
            }
        }
        int hour = number(c, o + 11, 2);
        int minute = number(c, o + 14, 2);
        int second = number(c, o + 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long day;
        try {
            day = LocalDate.of(number(c, o, 4), number(c, o + 5, 2), number(c, o + 8, 2)).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(day * 86_400 + hour * 3_600 + minute * 60 + second, nano);
    }

    private static boolean digits(char[] c, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (c[k] < '0' || c[k] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(char[] c, int from, int n) {
        int v = 0;
        for (int k = from; k < from + n; k++) {
            v = v * 10 + (c[k] - '0');
        }
        return v;
    }
}
