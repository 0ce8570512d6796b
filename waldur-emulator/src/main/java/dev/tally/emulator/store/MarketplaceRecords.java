package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Builds marketplace rows: order and resource JSON (the 8.0.5 OrderDetails and Resource shapes), for the generator and
 * for runtime writes.
 */
final class MarketplaceRecords {
    private MarketplaceRecords() {
    }

    /** The parts of an order that the caller decides. */
    record OrderSpec(String uuid, OrderType type, JsonRow project, JsonRow offering, JsonRow plan,
                            JsonNode limits, ObjectNode attributes, String created, String resourceUuid,
                            String resourceName, User createdBy, BigDecimal oldCost) {
    }

    /** The offering and provider fields that orders and resources both carry, in Waldur's field order. */
    private static void putOffering(ObjectNode node, JsonRow offering) {
        node.put("offering", offering.text("url"));
        node.put("offering_name", offering.text("name"));
        node.put("offering_uuid", offering.uuid());
        node.put("offering_description", offering.text("description"));
        node.put("offering_type", offering.text("type"));
        node.put("offering_shared", offering.get("shared").asBoolean());
        node.put("offering_billable", offering.get("billable").asBoolean());
        node.set("offering_plugin_options", offering.get("plugin_options").deepCopy());
        node.put("provider_name", offering.text("customer_name"));
        node.put("provider_uuid", offering.text("customer_uuid"));
        node.put("provider_slug", offering.text("customer_slug"));
        node.put("category_title", offering.text("category_title"));
        node.put("category_uuid", offering.text("category_uuid"));
    }

    /** A new order or resource row: both shapes begin with the offering and provider fields. */
    private static ObjectNode startedWithOffering(JsonRow offering) {
        ObjectNode node = Records.sized(128);
        putOffering(node, offering);
        return node;
    }

    /** The row's own UUID and times, which follow the limits in both shapes; a new row was last modified when made. */
    private static void putIdentity(ObjectNode node, String uuid, String created) {
        node.put("uuid", uuid);
        node.put("created", created);
        node.put("modified", created);
    }

    /** The plan fields that orders and resources both carry, in Waldur's field order. */
    private static void putPlan(ObjectNode node, JsonRow plan) {
        node.put("plan", plan.text("url"));
        node.put("plan_unit", plan.text("unit"));
        node.put("plan_name", plan.text("name"));
        node.put("plan_uuid", plan.uuid());
        node.put("plan_description", plan.text("description"));
    }

    static ObjectNode order(OrderSpec spec) {
        JsonRow offering = spec.offering();
        JsonRow plan = spec.plan();
        JsonRow project = spec.project();
        ObjectNode node = startedWithOffering(offering);
        if (plan != null) {
            putPlan(node, plan);
        } else {
            // No plan_unit key at all: 8.0.5 declares it as allOf(BillingUnit) + nullable, which per OAS 3.0.3
            // does not admit null, so a Terminate order leaves it out rather than sending null.
            node.putNull("plan_name");
            node.putNull("plan_uuid");
            node.putNull("plan_description");
        }
        node.set("attributes", spec.attributes());
        node.set("limits", spec.limits() == null ? Json.NODES.objectNode() : spec.limits().deepCopy());
        putIdentity(node, spec.uuid(), spec.created());
        node.putNull("resource_uuid");
        node.putNull("resource_type");
        node.put("resource_name", spec.resourceName());
        BigDecimal cost = Cost.orderCost(spec.type(), offering.node(), plan == null ? null : plan.node(), spec.limits());
        if (cost == null) {
            node.putNull("cost");
        } else {
            node.put("cost", Ids.decimal10(cost));
        }
        node.put("state", OrderState.PENDING_CONSUMER.wire());
        node.put("output", "");
        node.put("marketplace_resource_uuid", spec.resourceUuid());
        node.put("error_message", "");
        node.put("error_traceback", "");
        node.putNull("callback_url");
        node.putNull("completed_at");
        node.put("request_comment", "");
        node.putNull("attachment");
        node.put("type", spec.type().wire());
        node.putNull("start_date");
        node.put("url", "/api/marketplace-orders/" + spec.uuid() + "/");
        node.putNull("consumer_reviewed_by");
        node.putNull("consumer_reviewed_by_full_name");
        node.putNull("consumer_reviewed_by_username");
        node.putNull("consumer_reviewed_at");
        node.putNull("provider_reviewed_by");
        node.putNull("provider_reviewed_by_full_name");
        node.putNull("provider_reviewed_by_username");
        node.putNull("provider_reviewed_at");
        node.put("created_by_username", spec.createdBy().username());
        node.put("created_by_full_name", spec.createdBy().fullName());
        node.putNull("created_by_civil_number");
        node.put("customer_name", project.text("customer_name"));
        node.put("customer_uuid", project.text("customer_uuid"));
        node.put("customer_slug", project.text("customer_slug"));
        node.put("project", project.text("url"));
        node.put("project_name", project.text("name"));
        node.put("project_uuid", project.uuid());
        node.put("project_description", project.text("description"));
        node.put("project_slug", project.text("slug"));
        if (plan != null) {
            node.put("new_plan_name", plan.text("name"));
            node.put("new_plan_uuid", plan.uuid());
        }
        // old_cost_estimate is a number (resource.cost); new_cost_estimate is a decimal string (order.cost).
        node.put("old_cost_estimate", spec.oldCost() == null ? 0.0 : spec.oldCost().doubleValue());
        if (cost == null) {
            node.putNull("new_cost_estimate");
        } else {
            node.put("new_cost_estimate", Ids.decimal10(cost));
        }
        node.put("can_terminate", false);
        node.put("fixed_price", 0.0);
        node.put("activation_price", 0.0);
        node.put("termination_comment", "");
        node.put("backend_id", "");
        node.put("consumer_rejection_comment", "");
        node.put("provider_rejection_comment", "");
        return node;
    }

    /** The parts of a resource that the caller decides. */
    record ResourceSpec(String uuid, String name, JsonRow project, JsonRow offering, JsonRow plan,
                               JsonNode limits, ObjectNode attributes, JsonNode options, String created,
                               String backendId) {
    }

    static ObjectNode resource(ResourceSpec spec) {
        JsonRow offering = spec.offering();
        JsonRow project = spec.project();
        ObjectNode node = startedWithOffering(offering);
        putPlan(node, spec.plan());
        node.set("attributes", spec.attributes().deepCopy());
        node.set("limits", spec.limits().deepCopy());
        putIdentity(node, spec.uuid(), spec.created());
        node.put("url", "/api/marketplace-resources/" + spec.uuid() + "/");
        node.put("description", "");
        node.put("state", ResourceState.CREATING.wire());
        node.putNull("resource_uuid");
        node.put("backend_id", spec.backendId());
        node.put("effective_id", "");
        node.putNull("resource_type");
        node.put("project", project.text("url"));
        node.put("project_uuid", project.uuid());
        node.put("project_name", project.text("name"));
        node.put("project_description", project.text("description"));
        node.set("project_end_date", project.get("end_date"));
        node.put("customer_uuid", project.text("customer_uuid"));
        node.put("customer_name", project.text("customer_name"));
        node.put("offering_slug", offering.text("slug"));
        node.put("offering_backend_id", "");
        node.put("is_usage_based", false);
        node.put("is_limit_based", true);
        node.put("name", spec.name());
        node.put("slug", Records.slug(spec.name(), spec.uuid()));
        node.set("current_usages", Json.NODES.objectNode());
        node.put("can_terminate", false);
        node.putNull("end_date");
        node.putNull("end_date_requested_by");
        node.putNull("username");
        node.set("limit_usage", Json.NODES.objectNode());
        node.put("downscaled", false);
        node.put("restrict_member_access", false);
        node.put("paused", false);
        node.set("endpoints", Json.NODES.arrayNode());
        node.put("error_message", "");
        node.put("error_traceback", "");
        node.set("options", spec.options() == null ? Json.NODES.nullNode() : spec.options().deepCopy());
        node.set("available_actions", Json.NODES.arrayNode());
        node.put("last_sync", spec.created());
        // order_in_progress is omitted rather than null: 8.0.5 declares it allOf(OrderDetails) + nullable (OAS 3.0.3: no null).
        node.put("project_slug", project.text("slug"));
        node.put("customer_slug", project.text("customer_slug"));
        node.put("user_requires_reconsent", false);
        node.putNull("renewal_date");
        node.put("offering_state", offering.text("state"));
        node.set("offering_components", offering.get("components").deepCopy());
        return node;
    }
}
