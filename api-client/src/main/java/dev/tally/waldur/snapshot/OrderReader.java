package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.OrderType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads order objects straight from the snapshot's parser into {@link OrderSummary}s: only the
 * fields reporting needs, each read as the typed {@link Order} record reads it (see
 * {@link JsonFields}), without the record and its other fields (most of an order's bytes).
 * The result is the same as {@link OrderSummary#of(Order)} of the typed record.
 */
final class OrderReader implements ObjectParser {
    private final Consumer<? super OrderSummary> out;
    // one copy of each UUID and name: a hundred thousand orders repeat a few thousand of them
    private final StringPool strings = new StringPool();

    /** A reader passing each order to {@code out}. */
    OrderReader(Consumer<? super OrderSummary> out) {
        this.out = out;
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
                case "plan_uuid" -> plan = strings.shared(JsonFields.uuid(p, value));
                case "offering_uuid" -> offering = strings.shared(JsonFields.uuid(p, value));
                case "marketplace_resource_uuid" -> resource = strings.shared(JsonFields.uuid(p, value));
                case "created" -> created = JsonFields.instant(p, value);
                case "completed_at" -> completed = JsonFields.instant(p, value);
                default -> p.skipChildren();
            }
        }
        out.accept(new OrderSummary(uuid, type, state, cost, limits, plan, offering, resource, created, completed));
    }
}
