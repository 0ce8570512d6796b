package dev.tally.cli.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tally.core.input.OrderInput;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.OrderType;
import dev.tally.waldur.snapshot.Snapshot;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads order objects straight from the snapshot's parser into the core's {@link OrderInput}s: only
 * the fields the core needs, each read as the typed {@link Order} record reads it (see
 * {@link JsonFields}), without the record and its other fields (most of an order's bytes).
 * The result is the same as {@link FactBuilder#order(Order)} of the typed record.
 */
final class OrderParser implements Snapshot.ObjectParser {
    private final List<OrderInput> out;
    private final StringPool strings;

    /** A reader adding to {@code out}; equal strings are shared through {@code strings}. */
    OrderParser(List<OrderInput> out, StringPool strings) {
        this.out = out;
        this.strings = strings;
    }

    private String shared(String s) {
        return strings.shared(s);
    }

    @Override
    public void read(JsonParser p) throws IOException {
        String uuid = null;
        OrderType type = null;
        OrderState state = null;
        BigDecimal cost = null;
        Map<String, BigDecimal> limits = null;
        String plan = null;
        String offering = null;
        String resource = null;
        Instant created = null;
        Instant completed = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "uuid" -> uuid = JsonFields.uuid(p, value);
                case "type" -> type = p.readValueAs(OrderType.class);
                case "state" -> state = p.readValueAs(OrderState.class);
                case "cost" -> cost = JsonFields.decimal(p, value);
                case "limits" -> limits = JsonFields.decimals(p, value);
                case "plan_uuid" -> plan = shared(JsonFields.uuid(p, value));
                case "offering_uuid" -> offering = shared(JsonFields.uuid(p, value));
                case "marketplace_resource_uuid" -> resource = shared(JsonFields.uuid(p, value));
                case "created" -> created = JsonFields.instant(p, value);
                case "completed_at" -> completed = JsonFields.instant(p, value);
                default -> p.skipChildren();
            }
        }
        out.add(FactBuilder.order(uuid, type, state, cost, limits == null ? Map.of() : Map.copyOf(limits), plan, offering,
                resource, created, completed));
    }
}
