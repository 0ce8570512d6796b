package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.OrganisationRecords.ProjectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Customer and project writes (docs/emulator.md, "Organisations"): create, update and delete, with the fields that
 * other objects copy from them. Bodies arrive checked; callers hold the write lock.
 */
public final class Organisations {
    /** CustomerRequest's text fields and their 8.0.5 max lengths. */
    public static final Map<String, Integer> CUSTOMER_TEXT = Map.ofEntries(Map.entry("name", 150),
            Map.entry("native_name", 160), Map.entry("abbreviation", 12), Map.entry("description", 4096),
            Map.entry("contact_details", 500), Map.entry("agreement_number", 160),
            Map.entry("registration_code", 160), Map.entry("backend_id", 255), Map.entry("domain", 255),
            Map.entry("phone_number", 255), Map.entry("vat_code", 20), Map.entry("postal", 20),
            Map.entry("address", 300), Map.entry("bank_name", 150), Map.entry("bank_account", 50),
            Map.entry("notification_emails", 640), Map.entry("access_subnets", 100_000));
    /** ProjectRequest's text fields and their 8.0.5 max lengths. */
    public static final Map<String, Integer> PROJECT_TEXT = Map.of("name", 500, "description", 100_000,
            "backend_id", 255, "staff_notes", 100_000);

    private final Store store;
    private final OrderLifecycle orders;

    public Organisations(Store store, OrderLifecycle orders) {
        this.store = store;
        this.orders = orders;
    }

    public JsonRow createCustomer(ObjectNode body) {
        String uuid = store.newUuid();
        String name = body.get("name").asText();
        String created = Ids.timestamp(store.tick());
        String country = body.path("country").asText("");
        JsonRow customer = new JsonRow(OrganisationRecords.customer(uuid, created, name, body.path("abbreviation").asText(""),
                Records.slug(name, uuid), country, countryName(country), null, null, null));
        applyCustomer(customer, body);
        store.customers().add(customer);
        return customer;
    }

    /** Waldur serialises customer_name and friends from the relation, so the customer's projects follow at once. */
    public void updateCustomer(JsonRow customer, ObjectNode body) {
        String oldName = customer.text("name");
        applyCustomer(customer, body);
        customer.node().put("display_name", customer.text("name"));
        if (!oldName.equals(customer.text("name"))) {
            store.customers().resort();
        }
        for (JsonRow project : store.projects().rows()) {
            if (customer.uuid().equals(project.text("customer_uuid"))) {
                project.node().put("customer_name", customer.text("name"));
                project.node().put("customer_native_name", customer.text("native_name"));
                project.node().put("customer_abbreviation", customer.text("abbreviation"));
            }
        }
        // Orders and resources serialise customer_name from project.customer too; their own modified stays.
        for (JsonRow row : ordersAndResources()) {
            if (customer.uuid().equals(row.text("customer_uuid"))) {
                row.node().put("customer_name", customer.text("name"));
            }
        }
    }

    private Iterable<JsonRow> ordersAndResources() {
        List<JsonRow> rows = new ArrayList<>(store.orders().rows());
        rows.addAll(store.resources().rows());
        return rows;
    }

    public void deleteCustomer(JsonRow customer) {
        store.customers().remove(customer);
    }

    public JsonRow createProject(JsonRow customer, ObjectNode body) {
        String uuid = store.newUuid();
        JsonRow project = new JsonRow(OrganisationRecords.project(new ProjectSpec(uuid, body.get("name").asText(),
                customer, "", Ids.timestamp(store.tick()), "", null, null, "", false, "default")));
        applyProject(project, body);
        project.setHidden("modified", project.text("created"));
        store.projects().add(project);
        customer.node().put("projects_count", activeProjects(customer.uuid()));
        return project;
    }

    /** A project whose start date moves to today or earlier releases its pending-project orders. */
    public void updateProject(JsonRow project, ObjectNode body) {
        String oldName = project.text("name");
        applyProject(project, body);
        project.setHidden("modified", Ids.timestamp(store.tick()));
        if (!oldName.equals(project.text("name"))) {
            store.projects().resort();
        }
        // Waldur serialises these from the project relation: they change without the order's or resource's modified.
        for (JsonRow row : ordersAndResources()) {
            if (project.uuid().equals(row.text("project_uuid"))) {
                row.node().put("project_name", project.text("name"));
                row.node().put("project_description", project.text("description"));
                if (row.get("project_end_date") != null) {
                    row.node().set("project_end_date", project.get("end_date"));
                }
            }
        }
        orders.projectDatesChanged(project.uuid());
    }

    /** A soft delete: the project stays, marked {@code is_removed}. */
    public void deleteProject(JsonRow project) {
        project.node().put("is_removed", true);
        project.setHidden("modified", Ids.timestamp(store.tick()));
        store.customers().find(project.text("customer_uuid"))
                .ifPresent(c -> c.node().put("projects_count", activeProjects(c.uuid())));
    }

    /** The customer's projects that are not removed. */
    public int activeProjects(String customerUuid) {
        int count = 0;
        for (JsonRow project : store.projects().rows()) {
            if (customerUuid.equals(project.text("customer_uuid")) && !project.get("is_removed").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    /** Whether any resource of the project is not Terminated (a project with one cannot be deleted). */
    public boolean hasActiveResources(JsonRow project) {
        for (JsonRow resource : store.resources().rows()) {
            if (project.uuid().equals(resource.text("project_uuid")) && !ResourceState.TERMINATED.is(resource)) {
                return true;
            }
        }
        return false;
    }

    private static void applyCustomer(JsonRow customer, ObjectNode body) {
        ObjectNode node = customer.node();
        for (String field : CUSTOMER_TEXT.keySet()) {
            if (body.has(field)) {
                node.put(field, body.get(field).asText(""));
            }
        }
        for (String field : new String[] {"email", "homepage"}) {
            if (body.hasNonNull(field)) {
                node.put(field, body.get(field).asText());
            }
        }
        if (body.has("country")) {
            String country = body.get("country").asText("");
            node.put("country", country);
            node.put("country_name", countryName(country));
        }
    }

    private static void applyProject(JsonRow project, ObjectNode body) {
        ObjectNode node = project.node();
        for (String field : PROJECT_TEXT.keySet()) {
            if (body.has(field)) {
                node.put(field, body.get(field).asText(""));
            }
        }
        for (String field : new String[] {"start_date", "end_date"}) {
            if (body.has(field)) {
                node.set(field, body.hasNonNull(field) ? Json.NODES.textNode(body.get(field).asText())
                        : Json.NODES.nullNode());
            }
        }
        if (body.has("kind")) {
            node.put("kind", body.get("kind").asText());
        }
        if (body.has("oecd_fos_2007_code")) {
            OrganisationRecords.setOecd(node, body.hasNonNull("oecd_fos_2007_code") ? body.get("oecd_fos_2007_code").asText()
                    : null);
        }
        if (body.has("is_industry")) {
            node.put("is_industry", body.get("is_industry").asBoolean());
        }
    }

    private static String countryName(String code) {
        return code.isEmpty() ? "" : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
