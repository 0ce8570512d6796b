package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.UsageRow;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/marketplace-component-usages/set_usage/} (CONTRACT §7.8): an upsert per resource, component and
 * month, so a second report in a month replaces the first. Callers hold the write lock.
 */
final class UsageReports {
    private final Store store;

    UsageReports(Store store) {
        this.store = store;
    }

    Response setUsage(Request request) {
        ObjectNode body = request.jsonObject();
        User user = request.user();
        if (!body.hasNonNull("resource") && !body.hasNonNull("plan_period")) {
            throw ApiException.field("resource", "This field is required.");
        }
        if (!body.has("usages")) {
            throw ApiException.field("usages", "This field is required.");
        }
        JsonRow resource;
        if (body.hasNonNull("plan_period")) {
            // plan_period wins over resource: the usage belongs to that period's resource (ComponentUsageCreateSerializer).
            String periodUuid = Ids.normalizeUuid(body.get("plan_period").asText());
            if (periodUuid == null) {
                throw ApiException.field("plan_period", "Must be a valid UUID.");
            }
            resource = PlanPeriods.resourceOf(store, periodUuid).orElseThrow(
                    () -> ApiException.field("plan_period", "Object with uuid=" + periodUuid + " does not exist."));
        } else {
            String resourceUuid = Ids.normalizeUuid(body.path("resource").asText());
            if (resourceUuid == null) {
                throw ApiException.field("resource", "Must be a valid UUID.");
            }
            resource = store.resources().find(resourceUuid).orElseThrow(
                    () -> ApiException.field("resource", "Object with uuid=" + resourceUuid + " does not exist."));
        }
        // Needs SET_RESOURCE_USAGE on the offering or its customer: the provider side, or staff.
        if (!user.staff() && !user.customerUuid().equals(resource.text("provider_uuid"))) {
            throw ApiException.forbidden();
        }
        String state = resource.text("state");
        if (!state.equals("OK") && !state.equals("Updating") && !state.equals("Terminating")) {
            throw ApiException.field("resource", "Resource is not in valid state.");
        }
        JsonNode usages = body.get("usages");
        if (!usages.isArray()) {
            throw ApiException.field("usages", "Expected a list of items but got type \""
                    + usages.getNodeType().name().toLowerCase() + "\".");
        }
        Instant date = body.hasNonNull("date") ? Filter.parseDateTime("date", body.get("date").asText()) : store.tick();
        LocalDate billingPeriod = LocalDate.ofInstant(date, ZoneOffset.UTC).withDayOfMonth(1);
        List<String> invalid = new ArrayList<>();
        List<Object[]> accepted = new ArrayList<>();
        for (JsonNode usage : usages) {
            String type = usage.path("type").asText();
            JsonNode component = component(resource, type);
            if (component == null) {
                invalid.add(type);
                continue;
            }
            BigDecimal amount = amount(usage.get("amount"));
            accepted.add(new Object[] {component, amount, usage.path("description").asText(""),
                usage.path("recurring").asBoolean(false)});
        }
        if (!invalid.isEmpty()) {
            throw ApiException.bare("These components are invalid: " + String.join(", ", invalid) + ".");
        }
        String stamp = Ids.timestamp(date);
        ObjectNode current = resource.get("current_usages") instanceof ObjectNode o ? o : resource.node()
                .putObject("current_usages");
        boolean resort = false;
        for (Object[] item : accepted) {
            JsonNode component = (JsonNode) item[0];
            String type = component.get("type").asText();
            BigDecimal amount = (BigDecimal) item[1];
            var existing = store.usageFor(resource.uuid(), type, billingPeriod);
            if (existing.isPresent()) {
                existing.get().overwrite(amount, stamp, (String) item[2], (Boolean) item[3]);
                resort = true;
            } else {
                store.addUsage(new UsageRow(store.newUuid(), Ids.timestamp(store.tick()), resource, type,
                        component.get("name").asText(), component.get("measured_unit").asText(), billingPeriod,
                        amount, stamp, (String) item[2], (Boolean) item[3]));
            }
            current.put(type, amount);
        }
        if (resort) {
            store.usages().resort();
        }
        return Response.empty(201);
    }

    private static JsonNode component(JsonRow resource, String type) {
        for (JsonNode component : resource.get("offering_components")) {
            String billing = component.path("billing_type").asText();
            if (component.get("type").asText().equals(type) && (billing.equals("usage") || billing.equals("limit"))) {
                return component;
            }
        }
        return null;
    }

    // Decimal(20,2): at most two decimal places, never negative.
    private static BigDecimal amount(JsonNode value) {
        if (value == null || value.isNull()) {
            throw ApiException.field("amount", "This field is required.");
        }
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw ApiException.field("amount", "A valid number is required.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw ApiException.field("amount", "Ensure that there are no more than 2 decimal places.");
        }
        if (amount.signum() < 0) {
            throw ApiException.field("amount", "Ensure this value is greater than or equal to 0.");
        }
        return amount;
    }
}
