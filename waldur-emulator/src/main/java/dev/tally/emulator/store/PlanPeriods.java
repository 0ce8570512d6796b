package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource plan periods (Waldur ResourcePlanPeriod, 8.0.5 {@code ResourcePlanPeriod}). Every emulated offering has
 * exactly one plan, so a resource never changes plan and has exactly one period: it starts when the resource was
 * created and ends when it was terminated. Its UUID is derived from the resource UUID, so no state is stored and the
 * generated dataset is untouched.
 */
public final class PlanPeriods {
    private PlanPeriods() {
    }

    /** The resource's plan period UUID: a name-based UUID of the resource UUID, rendered as 32 hex characters. */
    public static String uuidOf(JsonRow resource) {
        return UUID.nameUUIDFromBytes(("plan-period:" + resource.uuid()).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    /** The resource whose plan period has this UUID, if any. */
    public static Optional<JsonRow> resourceOf(Store store, String periodUuid) {
        for (JsonRow resource : store.resources().rows()) {
            if (uuidOf(resource).equals(periodUuid)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code GET /{uuid}/plan_periods/}: the periods that are open or ended this month or later
     * ({@code end = None or end ≥ month_start(now)}), each with the usages reported for the current month
     * ({@code current_components}).
     */
    public static ArrayNode list(Store store, JsonRow resource) {
        ArrayNode periods = Json.NODES.arrayNode();
        LocalDate monthStart = LocalDate.ofInstant(store.now(), ZoneOffset.UTC).withDayOfMonth(1);
        String end = ResourceState.TERMINATED.is(resource) ? resource.text("modified") : null;
        if (end != null && end.substring(0, 10).compareTo(monthStart.toString()) < 0) {
            return periods;
        }
        ObjectNode period = periods.addObject();
        period.put("uuid", uuidOf(resource));
        period.put("plan_name", resource.text("plan_name"));
        period.put("plan_uuid", resource.text("plan_uuid"));
        period.put("start", resource.text("created"));
        if (end == null) {
            period.putNull("end");
        } else {
            period.put("end", end);
        }
        ArrayNode components = period.putArray("components");
        for (JsonNode component : resource.get("offering_components")) {
            String type = component.get("type").asText();
            store.usageFor(resource.uuid(), type, monthStart).ifPresent(usage -> components.add(render(usage)));
        }
        return periods;
    }

    // BaseComponentUsage: usage is a decimal string with at most two places.
    private static ObjectNode render(UsageRow usage) {
        ObjectNode node = Json.NODES.objectNode();
        for (String field : new String[] {"uuid", "created", "description", "type", "name", "measured_unit"}) {
            node.set(field, usage.get(field));
        }
        BigDecimal amount = usage.get("usage").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY);
        node.put("usage", amount.toPlainString());
        node.set("date", usage.get("date"));
        node.set("recurring", usage.get("recurring"));
        return node;
    }
}
