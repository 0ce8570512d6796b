package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reported component usages (docs/emulator.md, "Usage reports"): an upsert per resource, component, plan period and
 * month (Waldur's ComponentUsage unique constraint), so a second report in a month replaces the first unless the plan
 * switched in between, and the resource's {@code current_usages} follow. Callers hold the write lock.
 */
public final class UsageLedger {
    private final Store store;

    public UsageLedger(Store store) {
        this.store = store;
    }

    /** One checked usage line of a set_usage request; {@code component} is one of the resource's offering components. */
    public record Report(JsonNode component, BigDecimal amount, String description, boolean recurring) {
    }

    /** States in which a resource accepts usage reports. */
    public static boolean accepts(JsonRow resource) {
        return ResourceState.OK.is(resource) || ResourceState.UPDATING.is(resource)
                || ResourceState.TERMINATING.is(resource);
    }

    /** The offering component of the resource that accepts usage of {@code type} (usage- or limit-billed), or null. */
    public static JsonNode component(JsonRow resource, String type) {
        for (JsonNode component : resource.get("offering_components")) {
            String billing = component.path("billing_type").asText();
            if (component.get("type").asText().equals(type) && (billing.equals("usage") || billing.equals("limit"))) {
                return component;
            }
        }
        return null;
    }

    /**
     * Records the reports for the month of {@code date} (null means now, the store's next tick) in {@code planPeriod},
     * or when that is null in the period in force then.
     */
    public void report(JsonRow resource, String planPeriod, Instant date, List<Report> reports) {
        Instant at = date != null ? date : store.tick();
        LocalDate billingPeriod = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
        String stamp = Ids.timestamp(at);
        PlanPeriods.Period inForce = PlanPeriods.at(store, resource, at);
        String period = planPeriod != null ? planPeriod : inForce != null ? inForce.uuid() : PlanPeriods.uuidOf(resource);
        ObjectNode current = resource.get("current_usages") instanceof ObjectNode o ? o : resource.node()
                .putObject("current_usages");
        boolean resort = false;
        for (Report report : reports) {
            JsonNode component = report.component();
            String type = component.get("type").asText();
            for (PlanPeriods.Period p : PlanPeriods.of(store, resource)) {
                store.usageFor(resource.uuid(), type, p.uuid(), billingPeriod).ifPresent(UsageRow::stopRecurring);
            }
            resort |= upsert(resource, type, period, billingPeriod, report.amount(), stamp, report.description(),
                    report.recurring());
            current.put(type, report.amount());
        }
        if (resort) {
            store.usages().resort();
        }
        // Waldur saves current_usages with update_fields, to which django-model-utils' TimeStampedModel adds modified.
        resource.node().put("modified", Ids.timestamp(store.tick()));
    }

    /** Whether an existing row changed (the table must then be resorted); a new one is added in order. */
    private boolean upsert(JsonRow resource, String type, String period, LocalDate billingPeriod, BigDecimal amount,
            String stamp, String description, boolean recurring) {
        var existing = store.usageFor(resource.uuid(), type, period, billingPeriod);
        if (existing.isPresent()) {
            existing.get().overwrite(amount, stamp, description, recurring);
            return true;
        }
        JsonNode component = component(resource, type);
        store.addUsage(new UsageRow(store.newUuid(), Ids.timestamp(store.tick()), resource, type,
                component.get("name").asText(), component.get("measured_unit").asText(), billingPeriod, amount, stamp,
                description, recurring, period));
        return false;
    }

    /**
     * The month-start copy of recurring usages (Waldur's {@code create_recurring_usage_if_invoice_has_been_created},
     * run when the month's invoices are created): every recurring record of the previous month or later, of a resource
     * not terminated, is upserted into the new month with the same plan period, even one that has ended.
     */
    void copyRecurring(LocalDate monthStart) {
        LocalDate previous = monthStart.minusMonths(1);
        List<UsageRow> recurring = new java.util.ArrayList<>();
        for (UsageRow row : store.usages().rows()) {
            if (row.recurring() && !row.billingPeriod().isBefore(previous)
                    && !ResourceState.TERMINATED.is(row.resource())) {
                recurring.add(row);
            }
        }
        boolean resort = false;
        for (UsageRow row : recurring) {
            resort |= upsert(row.resource(), row.type(), row.planPeriod(), monthStart, row.usage(),
                    Ids.timestamp(store.tick()), row.description(), true);
        }
        if (resort) {
            store.usages().resort();
        }
    }
}
