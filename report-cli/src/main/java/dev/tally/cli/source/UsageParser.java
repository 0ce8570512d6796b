package dev.tally.cli.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.input.UsageTable;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Uuids;
import dev.tally.waldur.snapshot.Snapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads component-usage objects straight from the snapshot's parser into a {@link UsageTable}: only
 * the fields the core needs, no {@link ComponentUsage} record, no tree, and usually no
 * {@code BigDecimal} or {@code Instant} parsing through a formatter. Values arrive as they usually
 * do (integer usages, {@code 2026-10-31T00:00:01.026993Z} times, {@code 2026-10-01} periods) take a
 * short path; anything else is read by the snapshot's mapper, exactly as the typed record reads it.
 * The result is the same as mapping each {@link ComponentUsage} with {@link FactBuilder#usage}.
 */
final class UsageParser implements Snapshot.ObjectParser {
    private static final int NO_MONTH = Integer.MIN_VALUE;

    private final UsageTable table;

    UsageParser(UsageTable table) {
        this.table = table;
    }

    @Override
    public void read(JsonParser p) throws IOException {
        String resource = null;
        String type = null;
        boolean hasUsage = false;
        long unscaled = 0;
        int scale = 0;
        BigDecimal bigUsage = null;
        int month = NO_MONTH;
        Instant date = null;
        Instant created = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "resource_uuid" -> resource = Uuids.normalise(text(p, value));
                case "type" -> type = text(p, value);
                case "usage" -> {
                    hasUsage = false;
                    bigUsage = null;
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        hasUsage = true;
                        unscaled = p.getLongValue();
                        scale = 0;
                    } else if (value != JsonToken.VALUE_NULL) {
                        bigUsage = value.isNumeric() ? p.getDecimalValue() : p.readValueAs(BigDecimal.class);
                    }
                }
                case "billing_period" -> month = value == JsonToken.VALUE_NULL ? NO_MONTH : epochMonth(p, value);
                case "date" -> date = instant(p, value);
                case "created" -> created = instant(p, value);
                default -> p.skipChildren();
            }
        }
        if (month == NO_MONTH && date != null) {
            month = Dataset.epochMonth(java.time.YearMonth.from(LocalDate.ofInstant(date, ZoneOffset.UTC)));
        }
        if (resource == null || type == null || (!hasUsage && bigUsage == null) || month == NO_MONTH) {
            return;
        }
        Instant reportedAt = created != null ? created : date;
        if (hasUsage) {
            table.add(resource, type, month, unscaled, scale, reportedAt);
        } else {
            table.add(resource, type, month, bigUsage, reportedAt);
        }
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return value == JsonToken.VALUE_NULL ? null : p.readValueAs(String.class);
    }

    /** The epoch month of a {@code LocalDate} field; {@code yyyy-mm-dd} directly, anything else as the mapper reads it. */
    private static int epochMonth(JsonParser p, JsonToken value) throws IOException {
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
        return d == null ? NO_MONTH : Dataset.epochMonth(java.time.YearMonth.from(d));
    }

    /** An {@code Instant} field; {@code yyyy-mm-ddThh:mm:ss[.f…]Z} directly, anything else as the mapper reads it. */
    private static Instant instant(JsonParser p, JsonToken value) throws IOException {
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
