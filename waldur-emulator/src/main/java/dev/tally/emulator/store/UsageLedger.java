package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reported component usages (docs/emulator.md, "Usage reports"): an upsert per resource, component and month, so a
 * second report in a month replaces the first, and the resource's {@code current_usages} follow. Callers hold the
 * write lock.
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

    /** Records the reports for the month of {@code date}; null means now (the store's next tick). */
    public void report(JsonRow resource, Instant date, List<Report> reports) {
        Instant at = date != null ? date : store.tick();
        LocalDate billingPeriod = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
        String stamp = Ids.timestamp(at);
        ObjectNode current = resource.get("current_usages") instanceof ObjectNode o ? o : resource.node()
                .putObject("current_usages");
        boolean resort = false;
        for (Report report : reports) {
            JsonNode component = report.component();
            String type = component.get("type").asText();
            var existing = store.usageFor(resource.uuid(), type, billingPeriod);
            if (existing.isPresent()) {
                existing.get().overwrite(report.amount(), stamp, report.description(), report.recurring());
                resort = true;
            } else {
                store.addUsage(new UsageRow(store.newUuid(), Ids.timestamp(store.tick()), resource, type,
                        component.get("name").asText(), component.get("measured_unit").asText(), billingPeriod,
                        report.amount(), stamp, report.description(), report.recurring()));
            }
            current.put(type, report.amount());
        }
        if (resort) {
            store.usages().resort();
        }
        // Waldur saves current_usages with update_fields, to which django-model-utils' TimeStampedModel adds modified.
        resource.node().put("modified", Ids.timestamp(store.tick()));
    }
}
