package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@link Quirk}s to a generated dataset before the emulator serves it. Each picks its rows by the tables'
 * default order, so the same seed, scale and quirks give the same data (docs/emulator.md, "Untidy data").
 */
public final class Quirks {
    /** How many projects {@link Quirk#SOFT_DELETED_PROJECTS} removes. */
    static final int SOFT_DELETED = 2;

    private Quirks() {
    }

    /** Changes {@code store} as {@code quirks} say; callers run this before the server starts. */
    public static void apply(Store store, Set<Quirk> quirks) {
        if (quirks.contains(Quirk.SOFT_DELETED_PROJECTS)) {
            softDeleteProjects(store);
        }
        if (quirks.contains(Quirk.ARCHIVED_OFFERING)) {
            archiveOffering(store);
        }
        if (quirks.contains(Quirk.SECOND_PLAN)) {
            addSecondPlan(store);
        }
        if (quirks.contains(Quirk.MISPRICED_INVOICE_ITEM)) {
            store.invoices().misprice(new java.math.BigDecimal("10.00"));
        }
    }

    /** The offering {@link Quirk#SECOND_PLAN} gives a second plan, and that plan's name. */
    static final String SECOND_PLAN_OFFERING = "LUMI Denmark";
    static final String SECOND_PLAN_NAME = "LUMI Common 2027";

    /**
     * A second plan for LUMI Denmark, a copy of its first at twice each price, with a UUID derived from the offering's
     * (so the same seed gives the same plan); no resource uses it yet.
     */
    private static void addSecondPlan(Store store) {
        for (JsonRow offering : store.offerings().rows()) {
            if (!SECOND_PLAN_OFFERING.equals(offering.text("name"))) {
                continue;
            }
            ObjectNode plan = ((ObjectNode) offering.get("plans").get(0)).deepCopy();
            String uuid = java.util.UUID.nameUUIDFromBytes(("second-plan:" + offering.uuid())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString().replace("-", "");
            plan.put("uuid", uuid);
            plan.put("url", "/api/marketplace-public-offerings/" + offering.uuid() + "/plans/" + uuid + "/");
            plan.put("name", SECOND_PLAN_NAME);
            ObjectNode prices = (ObjectNode) plan.get("prices");
            for (JsonNode component : plan.get("components")) {
                java.math.BigDecimal doubled = new java.math.BigDecimal(component.get("price").asText())
                        .multiply(java.math.BigDecimal.valueOf(2));
                ((ObjectNode) component).put("price", Ids.decimal10(doubled));
                prices.put(component.get("type").asText(), doubled.stripTrailingZeros());
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) offering.get("plans")).add(plan);
            store.addPlan(offering, new JsonRow(plan));
            return;
        }
    }

    /**
     * Soft-deletes the first projects (by name) that have resources, all of them Terminated: the ones Waldur itself
     * removes once their end date has passed. Their resources, orders and usages stay.
     */
    private static void softDeleteProjects(Store store) {
        Map<String, Boolean> allTerminated = new HashMap<>();
        for (JsonRow resource : store.resources().rows()) {
            allTerminated.merge(resource.text("project_uuid"), ResourceState.TERMINATED.is(resource), Boolean::logicalAnd);
        }
        List<JsonRow> removed = new ArrayList<>();
        for (JsonRow project : store.projects().rows()) {
            if (removed.size() < SOFT_DELETED && allTerminated.getOrDefault(project.uuid(), false)) {
                removed.add(project);
            }
        }
        // deleting a project touches no order, so no lifecycle is needed
        Organisations organisations = new Organisations(store, null);
        removed.forEach(organisations::deleteProject);
    }

    /** Archives the first national share offering (by name) that resources use; its resources stay as they are. */
    private static void archiveOffering(Store store) {
        Set<String> shares = new HashSet<>();
        Catalog.ALLOCATORS.forEach(a -> shares.add(a.offeringName()));
        Set<String> used = new HashSet<>();
        for (JsonRow resource : store.resources().rows()) {
            used.add(resource.text("offering_uuid"));
        }
        for (JsonRow offering : store.offerings().rows()) {
            if (shares.contains(offering.text("name")) && used.contains(offering.uuid())) {
                offering.node().put("state", "Archived");
                return;
            }
        }
    }
}
