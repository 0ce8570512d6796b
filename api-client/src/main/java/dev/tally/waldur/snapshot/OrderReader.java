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
final class OrderReader extends SummaryReader<OrderSummary> {
    private String uuid;
    private OrderType type;
    private OrderState state;
    private BigDecimal cost;
    private Map<String, BigDecimal> limits;
    private String plan;
    private String offering;
    private String resource;
    private Instant created;
    private Instant completed;

    /** A reader passing each order to {@code out}. */
    OrderReader(Consumer<? super OrderSummary> out) {
        super(out);
    }

    @Override
    void clear() {
        uuid = null;
        type = null;
        state = null;
        cost = null;
        limits = null;
        plan = null;
        offering = null;
        resource = null;
        created = null;
        completed = null;
    }

    @Override
    boolean field(String name, JsonParser p, JsonToken value) throws IOException {
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
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    OrderSummary summary() {
        return new OrderSummary(uuid, type, state, cost, limits, plan, offering, resource, created, completed);
    }
}
