package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One component usage record. Kept compact (about 100,000 of them at scale 1) and rendered on demand; the
 * resource, project and customer names are read from the live resource, as Waldur joins them at read time.
 */
public final class UsageRow implements Row {
    private final String uuid;
    private final String created;
    private final JsonRow resource;
    private final String type;
    private final String name;
    private final String measuredUnit;
    private final LocalDate billingPeriod;
    private BigDecimal usage;
    private String date;
    private String description;
    private boolean recurring;

    public UsageRow(String uuid, String created, JsonRow resource, String type, String name, String measuredUnit,
                    LocalDate billingPeriod, BigDecimal usage, String date, String description, boolean recurring) {
        this.uuid = uuid;
        this.created = created;
        this.resource = resource;
        this.type = type;
        this.name = name;
        this.measuredUnit = measuredUnit;
        this.billingPeriod = billingPeriod;
        this.usage = usage;
        this.date = date;
        this.description = description;
        this.recurring = recurring;
    }

    public JsonRow resource() {
        return resource;
    }

    public String type() {
        return type;
    }

    public LocalDate billingPeriod() {
        return billingPeriod;
    }

    public String date() {
        return date;
    }

    /** Replaces the reported value: set_usage upserts per resource, component and month. */
    public void overwrite(BigDecimal newUsage, String newDate, String newDescription, boolean newRecurring) {
        this.usage = newUsage;
        this.date = newDate;
        this.description = newDescription;
        this.recurring = newRecurring;
    }

    @Override
    public String uuid() {
        return uuid;
    }

    @Override
    public JsonNode get(String field) {
        return switch (field) {
            case "uuid" -> Json.NODES.textNode(uuid);
            case "created" -> Json.NODES.textNode(created);
            case "description" -> Json.NODES.textNode(description);
            case "type" -> Json.NODES.textNode(type);
            case "name" -> Json.NODES.textNode(name);
            case "measured_unit" -> Json.NODES.textNode(measuredUnit);
            case "usage" -> usageNode();
            case "date" -> Json.NODES.textNode(date);
            case "recurring" -> Json.NODES.booleanNode(recurring);
            case "billing_period" -> Json.NODES.textNode(billingPeriod.toString());
            case "resource" -> resource.get("url");
            case "resource_uuid" -> resource.get("uuid");
            case "resource_name" -> resource.get("name");
            case "offering_uuid", "offering_name", "provider_uuid", "project_uuid", "project_name", "customer_uuid", "customer_name" ->
                    resource.get(field);
            case "modified_by" -> Json.NODES.nullNode();
            default -> null;
        };
    }

    // The 8.0.5 schema and the docs show usage as a JSON integer; keep fractions only when a client reported them.
    private JsonNode usageNode() {
        BigDecimal stripped = usage.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return Json.NODES.numberNode(stripped.toBigIntegerExact());
        }
        return Json.NODES.numberNode(stripped);
    }

    @Override
    public ObjectNode render() {
        ObjectNode node = Json.NODES.objectNode();
        for (String field : FIELDS) {
            node.set(field, get(field));
        }
        return node;
    }

    private static final String[] FIELDS = {
        "uuid", "created", "description", "type", "name", "measured_unit", "usage", "date", "recurring",
        "resource_name", "resource_uuid", "offering_name", "offering_uuid", "project_name", "project_uuid",
        "customer_name", "customer_uuid", "billing_period", "modified_by"
    };
}
