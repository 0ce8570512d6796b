package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Builds organisation rows: customer and project JSON (the 8.0.5 Customer and Project shapes), for the generator and
 * for runtime writes. Public for {@link #isOecdCode}, which the HTTP side checks a request with.
 */
public final class OrganisationRecords {
    private OrganisationRecords() {
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
        ObjectNode node = Records.sized(64);
        node.put("url", "/api/projects/" + spec.uuid() + "/");
        node.put("uuid", spec.uuid());
        node.put("name", spec.name());
        node.put("slug", Records.slug(spec.name(), spec.uuid()));
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

    private static ObjectNode priceEstimate(BigDecimal total) {
        ObjectNode estimate = Json.NODES.objectNode();
        estimate.put("total", Ids.decimal10(total));
        estimate.put("current", Ids.decimal10(total));
        estimate.put("tax", Ids.decimal10(BigDecimal.ZERO));
        estimate.put("tax_current", Ids.decimal10(BigDecimal.ZERO));
        return estimate;
    }
}
