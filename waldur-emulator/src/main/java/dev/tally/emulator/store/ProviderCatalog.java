package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider-side views of the stored offerings and plans (docs/emulator.md, "Provider views"): built from the same
 * rows on every request, so a write shows on both sides at once, with the provider URLs and fields and the derived
 * {@code total_customers}. Nothing here is stored.
 */
public final class ProviderCatalog {
    public static final String OFFERINGS = "marketplace-provider-offerings";
    public static final String PLANS = "marketplace-plans";

    // Waldur ProviderOfferingViewSet: total_customers counts distinct consumer organisations over these states.
    private static final Set<String> CUSTOMER_COUNTING_STATES = Set.of(ResourceState.OK.wire(),
            ResourceState.UPDATING.wire(), ResourceState.TERMINATING.wire());
    // Present in PublicOfferingDetails, absent from ProviderOfferingDetails (8.0.5).
    private static final List<String> PUBLIC_ONLY_FIELDS = List.of("is_accessible", "promotion_campaigns",
            "user_has_consent");
    private static final Comparator<Row> BY_NAME = Comparator.comparing((Row r) -> r.get("name").asText())
            .thenComparing(Row::uuid);
    // Waldur's Plan model declares no Meta.ordering, so PostgreSQL returns insertion (id) order: plans were created
    // with their offerings.
    private static final Comparator<PlanView> BY_OFFERING_CREATED = Comparator
            .comparing((PlanView p) -> p.offering().text("created")).thenComparing(PlanView::uuid);

    private ProviderCatalog() {
    }

    /** The provider offerings, each with its {@code total_customers}, ordered by name. */
    public static Table<? extends Row> offerings(Store store) {
        Map<String, Set<String>> customers = new HashMap<>();
        for (JsonRow resource : store.resources().rows()) {
            if (CUSTOMER_COUNTING_STATES.contains(resource.text("state"))) {
                customers.computeIfAbsent(resource.text("offering_uuid"), k -> new HashSet<>())
                        .add(resource.text("customer_uuid"));
            }
        }
        List<OfferingView> views = new ArrayList<>();
        for (JsonRow offering : store.offerings().rows()) {
            views.add(new OfferingView(offering, customers.getOrDefault(offering.uuid(), Set.of()).size()));
        }
        return Table.sorted(OFFERINGS, BY_NAME, views);
    }

    /** Every offering's plans as provider plans, in offering creation order. */
    public static Table<? extends Row> plans(Store store) {
        List<PlanView> views = new ArrayList<>();
        for (JsonRow offering : store.offerings().rows()) {
            for (JsonNode plan : offering.get("plans")) {
                views.add(new PlanView(offering, (ObjectNode) plan));
            }
        }
        return Table.sorted(PLANS, BY_OFFERING_CREATED, views);
    }

    /** The offering view without {@code total_customers}, which Waldur fills only on detail or when ordered by it. */
    public static Row withoutTotals(Row offeringView) {
        return ((OfferingView) offeringView).withoutTotals();
    }

    public static String offeringPath(String uuid) {
        return "/api/" + OFFERINGS + "/" + uuid + "/";
    }

    public static String planPath(String uuid) {
        return "/api/" + PLANS + "/" + uuid + "/";
    }

    /**
     * An offering as ProviderOfferingDetails: provider URLs, the provider-only fields, provider plan links;
     * {@code totalCustomers} is null where Waldur leaves {@code total_customers} unfilled.
     */
    private record OfferingView(JsonRow offering, Integer totalCustomers) implements Row {
        OfferingView withoutTotals() {
            return new OfferingView(offering, null);
        }

        @Override
        public String uuid() {
            return offering.uuid();
        }

        @Override
        public JsonNode get(String field) {
            return switch (field) {
                case "url" -> Json.NODES.textNode(offeringPath(uuid()));
                case "total_customers" -> totalCustomers == null ? Json.NODES.nullNode()
                        : Json.NODES.numberNode(totalCustomers);
                default -> PUBLIC_ONLY_FIELDS.contains(field) ? null : offering.get(field);
            };
        }

        @Override
        public ObjectNode render() {
            ObjectNode node = offering.render();
            node.put("url", offeringPath(uuid()));
            node.remove(PUBLIC_ONLY_FIELDS);
            for (JsonNode plan : node.get("plans")) {
                ((ObjectNode) plan).put("url", planPath(plan.get("uuid").asText()));
            }
            if (totalCustomers == null) {
                node.putNull("total_customers");
            } else {
                node.put("total_customers", totalCustomers);
            }
            // total_cost / total_cost_estimated sum invoice items, which are not emulated: they stay null.
            node.set("backend_id_rules", Json.NODES.objectNode());
            node.putNull("integration_status");
            node.set("secret_options", Json.NODES.objectNode());
            node.set("service_attributes", Json.NODES.objectNode());
            return node;
        }
    }

    /** A plan as ProviderPlanDetails: its own URL plus the provider-offering link. */
    private record PlanView(JsonRow offering, ObjectNode plan) implements Row {
        @Override
        public String uuid() {
            return plan.get("uuid").asText();
        }

        // offering_uuid and customer_uuid serve filters and visibility only; ProviderPlanDetails has neither.
        @Override
        public JsonNode get(String field) {
            return switch (field) {
                case "url" -> Json.NODES.textNode(planPath(uuid()));
                case "offering" -> Json.NODES.textNode(offeringPath(offering.uuid()));
                case "offering_uuid" -> Json.NODES.textNode(offering.uuid());
                case "customer_uuid" -> offering.get("customer_uuid");
                default -> plan.get(field);
            };
        }

        @Override
        public ObjectNode render() {
            ObjectNode node = plan.deepCopy();
            node.put("url", planPath(uuid()));
            node.put("offering", offeringPath(offering.uuid()));
            return node;
        }
    }
}
