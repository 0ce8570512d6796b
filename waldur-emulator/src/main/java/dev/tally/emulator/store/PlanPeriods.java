package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource plan periods (Waldur ResourcePlanPeriod; docs/emulator.md, "Resources"). A resource's first period starts
 * when it was created and ends when it is terminated; its UUID is derived from the resource UUID, so the generated
 * dataset stores nothing for it. A plan switch (an Update order with another plan, once done) ends the current period
 * and opens one on the new plan, as Waldur's {@code switch_resource_plan_period_when_plan_is_updated} does; only
 * then are the resource's periods stored.
 */
public final class PlanPeriods {
    /** One period; {@code end} null while open (a terminated resource's last period ends at its termination). */
    record Period(String uuid, String planUuid, String planName, String start, String end) {
    }

    private PlanPeriods() {
    }

    /** The resource's first plan period UUID: a name-based UUID of the resource UUID, rendered as 32 hex characters. */
    public static String uuidOf(JsonRow resource) {
        return firstUuid(resource.uuid());
    }

    /** Whether {@code periodUuid} is the first plan period of that resource (or null, which means the same). */
    static boolean isFirst(String resourceUuid, String periodUuid) {
        return periodUuid == null || periodUuid.equals(firstUuid(resourceUuid));
    }

    private static String firstUuid(String resourceUuid) {
        return UUID.nameUUIDFromBytes(("plan-period:" + resourceUuid).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "");
    }

    /** The resource's periods in start order, the last one ending at its termination. */
    static List<Period> of(Store store, JsonRow resource) {
        String end = ResourceState.TERMINATED.is(resource) ? resource.text("modified") : null;
        List<Period> stored = store.planPeriods(resource.uuid());
        if (stored == null) {
            return List.of(new Period(uuidOf(resource), resource.text("plan_uuid"), resource.text("plan_name"),
                    resource.text("created"), end));
        }
        List<Period> periods = new ArrayList<>(stored);
        Period last = periods.get(periods.size() - 1);
        periods.set(periods.size() - 1, new Period(last.uuid(), last.planUuid(), last.planName(), last.start(), end));
        return periods;
    }

    /** The period in force at {@code at} ({@code utils.get_plan_period}: started by then, not ended; the latest). */
    static Period at(Store store, JsonRow resource, Instant at) {
        String stamp = Ids.timestamp(at);
        Period found = null;
        for (Period p : of(store, resource)) {
            if (p.start().compareTo(stamp) <= 0 && (p.end() == null || p.end().compareTo(stamp) > 0)) {
                found = p;
            }
        }
        return found;
    }

    /** Ends the current period at {@code at} and opens one on the resource's new plan; callers hold the write lock. */
    static void switched(Store store, ObjectNode resource, String oldPlanUuid, String oldPlanName, Instant at) {
        String resourceUuid = resource.get("uuid").asText();
        List<Period> periods = store.planPeriods(resourceUuid);
        String stamp = Ids.timestamp(at);
        List<Period> next = new ArrayList<>();
        if (periods == null) {
            next.add(new Period(firstUuid(resourceUuid), oldPlanUuid, oldPlanName, resource.get("created").asText(),
                    stamp));
        } else {
            next.addAll(periods.subList(0, periods.size() - 1));
            Period last = periods.get(periods.size() - 1);
            next.add(new Period(last.uuid(), last.planUuid(), last.planName(), last.start(), stamp));
        }
        next.add(new Period(store.newUuid(), resource.get("plan_uuid").asText(), resource.get("plan_name").asText(),
                stamp, null));
        store.setPlanPeriods(resourceUuid, List.copyOf(next));
    }

    /** The resource and period with this UUID, if any. */
    public static Optional<JsonRow> resourceOf(Store store, String periodUuid) {
        for (JsonRow resource : store.resources().rows()) {
            if (uuidOf(resource).equals(periodUuid)) {
                return Optional.of(resource);
            }
            List<Period> stored = store.planPeriods(resource.uuid());
            if (stored != null && stored.stream().anyMatch(p -> p.uuid().equals(periodUuid))) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code GET /{uuid}/plan_periods/}: the periods that are open or ended this month or later
     * ({@code end = None or end ≥ month_start(now)}), each with the usages reported for it in the current month
     * ({@code current_components}).
     */
    public static ArrayNode list(Store store, JsonRow resource) {
        ArrayNode out = Json.NODES.arrayNode();
        LocalDate monthStart = LocalDate.ofInstant(store.now(), ZoneOffset.UTC).withDayOfMonth(1);
        for (Period p : of(store, resource)) {
            if (p.end() != null && p.end().substring(0, 10).compareTo(monthStart.toString()) < 0) {
                continue;
            }
            ObjectNode period = out.addObject();
            period.put("uuid", p.uuid());
            period.put("plan_name", p.planName());
            period.put("plan_uuid", p.planUuid());
            period.put("start", p.start());
            if (p.end() == null) {
                period.putNull("end");
            } else {
                period.put("end", p.end());
            }
            ArrayNode components = period.putArray("components");
            for (JsonNode component : resource.get("offering_components")) {
                String type = component.get("type").asText();
                store.usageFor(resource.uuid(), type, p.uuid(), monthStart).ifPresent(u -> components.add(render(u)));
            }
        }
        return out;
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
