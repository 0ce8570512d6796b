package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tally.waldur.model.ComponentUsage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads component-usage objects straight from the snapshot's parser into a {@link UsageSink}: only
 * the fields reporting needs, no {@link ComponentUsage} record, no tree, and usually no
 * {@code BigDecimal} or {@code Instant} parsing through a formatter. Values in their usual form
 * (integer usages, {@code 2026-10-31T00:00:01.026993Z} times, {@code 2026-10-01} periods) take a
 * short path; anything else is read by the snapshot's mapper, exactly as the typed record reads it.
 * The result is the same as the typed record's {@code resourceUuid}, {@code type}, {@code usage},
 * {@link ComponentUsage#month()} and {@link ComponentUsage#reportedAt()}; a record missing one of the
 * first four makes the file unreadable (docs/reliability.md, "Data invariants").
 */
final class UsageReader implements ObjectParser {
    private static final int NO_MONTH = JsonFields.NO_MONTH;

    private final UsageSink sink;

    UsageReader(UsageSink sink) {
        this.sink = sink;
    }

    @Override
    public void read(JsonParser p) throws IOException {
        String uuid = null;
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
                case "uuid" -> uuid = JsonFields.uuid(p, value);
                case "resource_uuid" -> resource = JsonFields.uuid(p, value);
                case "type" -> type = JsonFields.text(p, value);
                case "usage" -> {
                    hasUsage = false;
                    bigUsage = null;
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        hasUsage = true;
                        unscaled = p.getLongValue();
                        scale = 0;
                    } else if (value != JsonToken.VALUE_NULL) {
                        bigUsage = JsonFields.decimal(p, value);
                    }
                }
                case "billing_period" -> month = value == JsonToken.VALUE_NULL ? NO_MONTH : JsonFields.epochMonth(p, value);
                case "date" -> date = JsonFields.instant(p, value);
                case "created" -> created = JsonFields.instant(p, value);
                default -> p.skipChildren();
            }
        }
        if (month == NO_MONTH && date != null) {
            month = UsageSink.epochMonth(LocalDate.ofInstant(date, ZoneOffset.UTC));
        }
        // a usage without these cannot be counted; dropping it would quietly lower a figure (docs/reliability.md)
        if (resource == null || type == null || (!hasUsage && bigUsage == null) || month == NO_MONTH) {
            throw new IOException("the usage has no " + (resource == null ? "'resource_uuid'" : type == null ? "'type'"
                    : !hasUsage && bigUsage == null ? "'usage'" : "'billing_period' or 'date'"));
        }
        Instant reportedAt = created != null ? created : date;
        if (hasUsage) {
            sink.add(uuid, resource, type, month, unscaled, scale, reportedAt);
        } else {
            sink.add(uuid, resource, type, month, bigUsage, reportedAt);
        }
    }
}
