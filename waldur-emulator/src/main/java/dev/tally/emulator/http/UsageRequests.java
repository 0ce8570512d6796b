package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.PlanPeriods;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.UsageLedger;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/marketplace-component-usages/set_usage/}: checks the report, which the store's
 * {@link UsageLedger} records. Callers hold the write lock.
 */
final class UsageRequests {
    private final Store store;
    private final UsageLedger ledger;

    UsageRequests(Store store) {
        this.store = store;
        this.ledger = new UsageLedger(store);
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
        String period = null;
        if (body.hasNonNull("plan_period")) {
            // plan_period wins over resource: the usage belongs to that period's resource (ComponentUsageCreateSerializer).
            String periodUuid = Ids.normalizeUuid(body.get("plan_period").asText());
            if (periodUuid == null) {
                throw ApiException.field("plan_period", "Must be a valid UUID.");
            }
            resource = PlanPeriods.resourceOf(store, periodUuid).orElseThrow(
                    () -> ApiException.field("plan_period", "Object with uuid=" + periodUuid + " does not exist."));
            period = periodUuid;
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
        if (!UsageLedger.accepts(resource)) {
            throw ApiException.field("resource", "Resource is not in valid state.");
        }
        JsonNode usages = body.get("usages");
        if (!usages.isArray()) {
            throw ApiException.field("usages", "Expected a list of items but got type \""
                    + usages.getNodeType().name().toLowerCase() + "\".");
        }
        // A given date is parsed (and may fail) before the lines are checked, as Waldur's serializer does.
        Instant date = body.hasNonNull("date") ? Filter.parseDateTime("date", body.get("date").asText()) : null;
        List<String> invalid = new ArrayList<>();
        List<UsageLedger.Report> accepted = new ArrayList<>();
        for (JsonNode usage : usages) {
            String type = usage.path("type").asText();
            JsonNode component = UsageLedger.component(resource, type);
            if (component == null) {
                invalid.add(type);
                continue;
            }
            BigDecimal amount = amount(usage.get("amount"));
            accepted.add(new UsageLedger.Report(component, amount, usage.path("description").asText(""),
                    usage.path("recurring").asBoolean(false)));
        }
        if (!invalid.isEmpty()) {
            throw ApiException.bare("These components are invalid: " + String.join(", ", invalid) + ".");
        }
        ledger.report(resource, period, date, accepted);
        return Response.empty(201);
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
