package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;

/** Builds order and resource JSON (the 8.0.5 OrderDetails and Resource shapes), for the generator and for runtime writes. */
public final class Records {
    private Records() {
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

    static ObjectNode order(OrderSpec spec) {
        JsonRow offering = spec.offering();
        JsonRow plan = spec.plan();
        JsonRow project = spec.project();
        ObjectNode node = sized(128);
        putOffering(node, offering);
        if (plan != null) {
            node.put("plan", plan.text("url"));
            node.put("plan_unit", plan.text("unit"));
            node.put("plan_name", plan.text("name"));
            node.put("plan_uuid", plan.uuid());
            node.put("plan_description", plan.text("description"));
        } else {
            // No plan_unit key at all: 8.0.5 declares it as allOf(BillingUnit) + nullable, which per OAS 3.0.3
            // does not admit null, so a Terminate order leaves it out rather than sending null.
            node.putNull("plan_name");
            node.putNull("plan_uuid");
            node.putNull("plan_description");
        }
        node.set("attributes", spec.attributes());
        node.set("limits", spec.limits() == null ? Json.NODES.objectNode() : spec.limits().deepCopy());
        node.put("uuid", spec.uuid());
        node.put("created", spec.created());
        node.put("modified", spec.created());
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
        JsonRow plan = spec.plan();
        JsonRow project = spec.project();
        ObjectNode node = sized(128);
        putOffering(node, offering);
        node.put("plan", plan.text("url"));
        node.put("plan_unit", plan.text("unit"));
        node.put("plan_name", plan.text("name"));
        node.put("plan_uuid", plan.uuid());
        node.put("plan_description", plan.text("description"));
        node.set("attributes", spec.attributes().deepCopy());
        node.set("limits", spec.limits().deepCopy());
        node.put("uuid", spec.uuid());
        node.put("created", spec.created());
        node.put("modified", spec.created());
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
        node.put("slug", slug(spec.name(), spec.uuid()));
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

    /**
     * The 8.0.5 {@code Customer} shape. {@code email} and {@code homepage} are left out when null: the schema types
     * them as email and uri, so Waldur's blank strings would not validate.
     *
     * @param serviceProviderUuid the customer's service provider, or null if it is not one
     */
    static ObjectNode customer(String uuid, String created, String name, String abbreviation, String slug,
                                      String country, String countryName, String email, String homepage,
                                      String serviceProviderUuid) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("url", "/api/customers/" + uuid + "/");
        node.put("uuid", uuid);
        node.put("created", created);
        node.set("organization_groups", Json.NODES.arrayNode());
        node.put("display_name", name);
        node.put("backend_id", "");
        node.putNull("image");
        node.put("blocked", false);
        node.put("archived", false);
        node.put("display_billing_info_in_projects", false);
        node.put("default_tax_percent", "0.00");
        node.put("accounting_start_date", created);
        node.put("projects_count", 0);
        node.put("users_count", 2);
        node.put("country_name", countryName);
        node.put("name", name);
        node.put("slug", slug);
        node.put("native_name", "");
        node.put("abbreviation", abbreviation);
        node.put("description", "");
        node.put("contact_details", "");
        node.put("agreement_number", "");
        if (email != null) {
            node.put("email", email);
        }
        node.put("phone_number", "");
        node.put("access_subnets", "");
        node.put("registration_code", "");
        if (homepage != null) {
            node.put("homepage", homepage);
        }
        node.put("domain", "");
        node.put("vat_code", "");
        node.put("postal", "");
        node.put("address", "");
        node.put("bank_name", "");
        node.putNull("latitude");
        node.putNull("longitude");
        node.put("bank_account", "");
        node.put("country", country);
        node.put("notification_emails", "");
        node.set("payment_profiles", Json.NODES.arrayNode());
        node.putNull("customer_credit");
        node.putNull("customer_unallocated_credit");
        node.put("is_service_provider", serviceProviderUuid != null);
        if (serviceProviderUuid != null) {
            node.put("service_provider", "/api/marketplace-service-providers/" + serviceProviderUuid + "/");
            node.put("service_provider_uuid", serviceProviderUuid);
        } else {
            node.putNull("service_provider");
            node.putNull("service_provider_uuid");
        }
        node.putNull("call_managing_organization_uuid");
        node.set("billing_price_estimate", priceEstimate(BigDecimal.ZERO));
        return node;
    }

    /**
     * The parts of a project that the caller decides.
     *
     * @param startDate       {@code YYYY-MM-DD} or null
     * @param endDate         {@code YYYY-MM-DD} or null
     * @param oecdFos2007Code a code such as {@code "1.1"}, {@code ""} or null
     */
    record ProjectSpec(String uuid, String name, JsonRow customer, String description, String created,
                              String backendId, String startDate, String endDate, String oecdFos2007Code,
                              boolean industry, String kind) {
    }

    /** The 8.0.5 {@code Project} shape. */
    static ObjectNode project(ProjectSpec spec) {
        JsonRow customer = spec.customer();
        ObjectNode node = sized(64);
        node.put("url", "/api/projects/" + spec.uuid() + "/");
        node.put("uuid", spec.uuid());
        node.put("name", spec.name());
        node.put("slug", slug(spec.name(), spec.uuid()));
        node.put("customer", customer.text("url"));
        node.put("customer_uuid", customer.uuid());
        node.put("customer_name", customer.text("name"));
        node.put("customer_slug", customer.text("slug"));
        node.put("customer_native_name", "");
        node.put("customer_abbreviation", customer.text("abbreviation"));
        node.put("description", spec.description());
        node.put("customer_display_billing_info_in_projects", false);
        node.put("created", spec.created());
        node.putNull("type");
        node.putNull("type_name");
        node.putNull("type_uuid");
        node.put("backend_id", spec.backendId());
        node.set("start_date", spec.startDate() == null ? Json.NODES.nullNode() : Json.NODES.textNode(spec.startDate()));
        node.set("end_date", spec.endDate() == null ? Json.NODES.nullNode() : Json.NODES.textNode(spec.endDate()));
        node.putNull("end_date_requested_by");
        setOecd(node, spec.oecdFos2007Code());
        node.put("is_industry", spec.industry());
        node.putNull("image");
        node.put("resources_count", 0);
        node.put("kind", spec.kind());
        node.put("is_removed", false);
        node.putNull("termination_metadata");
        node.put("staff_notes", "");
        node.putNull("project_credit");
        node.set("marketplace_resource_count", Json.NODES.objectNode());
        node.set("billing_price_estimate", priceEstimate(BigDecimal.ZERO));
        return node;
    }

    /** Sets {@code oecd_fos_2007_code} (null, blank or a code) and its label in place. */
    static void setOecd(ObjectNode node, String code) {
        if (code == null) {
            node.putNull("oecd_fos_2007_code");
        } else {
            node.put("oecd_fos_2007_code", code);
        }
        node.put("oecd_fos_2007_label", code == null || code.isEmpty() ? "" : Catalog.oecdLabel(code));
    }

    /** True for a blank code or one of the OECD FOS 2007 codes ("1.1" … "6.5"). */
    public static boolean isOecdCode(String code) {
        return code.isEmpty() || Catalog.OECD_CODES.contains(code);
    }

    /**
     * An object node whose map starts at the capacity it would grow to anyway (128 for about 70–90 order and
     * resource fields, 64 for a project's 33), so building 200,000 rows at scale 20 skips three rehashes each.
     */
    private static ObjectNode sized(int capacity) {
        return new ObjectNode(Json.NODES, new LinkedHashMap<>(capacity));
    }

    private static ObjectNode priceEstimate(BigDecimal total) {
        ObjectNode estimate = Json.NODES.objectNode();
        estimate.put("total", Ids.decimal10(total));
        estimate.put("current", Ids.decimal10(total));
        estimate.put("tax", Ids.decimal10(BigDecimal.ZERO));
        estimate.put("tax_current", Ids.decimal10(BigDecimal.ZERO));
        return estimate;
    }

    /** A slug as Waldur derives it: ASCII letters, digits and hyphens, at most 50 characters. */
    static String slug(String name, String uuid) {
        String base = hyphenate(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)).toLowerCase();
        if (base.isEmpty()) {
            base = "item";
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return base + "-" + uuid.substring(0, 6);
    }

    /**
     * {@code replaceAll("[^A-Za-z0-9]+", "-")} then {@code replaceAll("(^-+|-+$)", "")}, by hand: every run of other
     * characters becomes one hyphen, and none is left at either end. The regexes were a tenth of generation time at
     * scale 20 (130,000 slugs).
     */
    private static String hyphenate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }
}
