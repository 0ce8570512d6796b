package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Records;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Customer and project writes (CONTRACT §7.1, §7.2): create, PUT/PATCH and DELETE. Checks run lookup (404),
 * permission (403), state (409), then the body (400), which reports every bad field at once as DRF does.
 * Callers hold the write lock.
 */
final class OrganisationWrites {
    // CustomerRequest / ProjectRequest max lengths in 8.0.5.
    private static final Map<String, Integer> CUSTOMER_TEXT = Map.ofEntries(Map.entry("name", 150),
            Map.entry("native_name", 160), Map.entry("abbreviation", 12), Map.entry("description", 4096),
            Map.entry("contact_details", 500), Map.entry("agreement_number", 160),
            Map.entry("registration_code", 160), Map.entry("backend_id", 255), Map.entry("domain", 255),
            Map.entry("phone_number", 255), Map.entry("vat_code", 20), Map.entry("postal", 20),
            Map.entry("address", 300), Map.entry("bank_name", 150), Map.entry("bank_account", 50),
            Map.entry("notification_emails", 640), Map.entry("access_subnets", 100_000));
    private static final Map<String, Integer> PROJECT_TEXT = Map.of("name", 500, "description", 100_000,
            "backend_id", 255, "staff_notes", 100_000);
    private static final Set<String> KINDS = Set.of("default", "course", "public");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Store store;
    private final Collection customers = Collections.customers();
    private final Collection projects = Collections.projects();

    OrganisationWrites(Store store) {
        this.store = store;
    }

    /** {@code POST /api/customers/}: staff only. */
    Response createCustomer(Request request) {
        if (!request.staff()) {
            throw ApiException.forbidden();
        }
        ObjectNode body = request.jsonObject();
        validateCustomer(body, false);
        String uuid = store.newUuid();
        String name = body.get("name").asText();
        String created = Ids.timestamp(store.tick());
        String country = body.path("country").asText("");
        ObjectNode node = Records.customer(uuid, created, name, body.path("abbreviation").asText(""),
                Records.slug(name, uuid), country, countryName(country), null, null, null);
        JsonRow customer = new JsonRow(node);
        applyCustomer(customer, body);
        store.customers().add(customer);
        return Writes.json(201, request, node).header("Location", request.origin() + customer.text("url"));
    }

    /** {@code PUT/PATCH /api/customers/{uuid}/}: staff, or the customer's own (owner) users. */
    Response updateCustomer(Request request, String rawUuid, boolean partial) {
        JsonRow customer = find(customers, request, rawUuid);
        requireOwner(request.user(), customer.uuid());
        ObjectNode body = request.jsonObject();
        validateCustomer(body, partial);
        String oldName = customer.text("name");
        applyCustomer(customer, body);
        customer.node().put("display_name", customer.text("name"));
        if (!oldName.equals(customer.text("name"))) {
            store.customers().resort();
        }
        // Waldur serialises customer_name and friends from the relation, so projects follow at once.
        for (JsonRow project : store.projects().rows()) {
            if (customer.uuid().equals(project.text("customer_uuid"))) {
                project.node().put("customer_name", customer.text("name"));
                project.node().put("customer_native_name", customer.text("native_name"));
                project.node().put("customer_abbreviation", customer.text("abbreviation"));
            }
        }
        return Writes.json(200, request, customer.node());
    }

    /** {@code DELETE /api/customers/{uuid}/}: staff only; 409 while the customer has projects. */
    Response deleteCustomer(Request request, String rawUuid) {
        JsonRow customer = find(customers, request, rawUuid);
        if (!request.staff()) {
            throw ApiException.forbidden();
        }
        if (activeProjects(customer.uuid()) > 0) {
            // Project.customer is on_delete=PROTECT; Waldur turns the ProtectedError into a 409 {"detail"}.
            throw ApiException.detail(409, "Cannot delete organization with existing projects.");
        }
        store.customers().remove(customer);
        return Response.empty(204);
    }

    /** {@code POST /api/projects/}: staff, or a user of the customer named in the body. */
    Response createProject(Request request) {
        ObjectNode body = request.jsonObject();
        User user = request.user();
        ObjectNode errors = Json.NODES.objectNode();
        JsonRow customer = null;
        try {
            String customerUuid = Writes.uuidFromUrl("customer", body.get("customer"), "/api/customers/");
            customer = store.customers().find(customerUuid).filter(c -> customers.visible().test(user, c))
                    .orElse(null);
            if (customer == null) {
                errors.putArray("customer").add("Invalid hyperlink - Object does not exist.");
            }
        } catch (ApiException e) {
            errors.setAll((ObjectNode) e.body());
        }
        validateProject(body, false, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors, Map.of());
        }
        requireOwner(user, customer.uuid());
        String uuid = store.newUuid();
        JsonRow project = new JsonRow(Records.project(new Records.ProjectSpec(uuid, body.get("name").asText(),
                customer, "", Ids.timestamp(store.tick()), "", null, null, "", false, "default")));
        applyProject(project, body);
        store.projects().add(project);
        customer.node().put("projects_count", activeProjects(customer.uuid()));
        return Writes.json(201, request, project.node()).header("Location", request.origin() + project.text("url"));
    }

    /** {@code PUT/PATCH /api/projects/{uuid}/}: staff or the customer's users; {@code customer} cannot change. */
    Response updateProject(Request request, String rawUuid, boolean partial) {
        JsonRow project = find(projects, request, rawUuid);
        requireOwner(request.user(), project.text("customer_uuid"));
        ObjectNode body = request.jsonObject();
        ObjectNode errors = Json.NODES.objectNode();
        validateProject(body, partial, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors, Map.of());
        }
        String oldName = project.text("name");
        applyProject(project, body);
        if (!oldName.equals(project.text("name"))) {
            store.projects().resort();
        }
        return Writes.json(200, request, project.node());
    }

    /** {@code DELETE /api/projects/{uuid}/}: a soft delete; 409 while the project has resources not Terminated. */
    Response deleteProject(Request request, String rawUuid) {
        JsonRow project = find(projects, request, rawUuid);
        requireOwner(request.user(), project.text("customer_uuid"));
        for (JsonRow resource : store.resources().rows()) {
            if (project.uuid().equals(resource.text("project_uuid")) && !"Terminated".equals(resource.text("state"))) {
                throw ApiException.detail(409, "Project has active resources.");
            }
        }
        project.node().put("is_removed", true);
        store.customers().find(project.text("customer_uuid"))
                .ifPresent(c -> c.node().put("projects_count", activeProjects(c.uuid())));
        return Response.empty(204);
    }

    private JsonRow find(Collection collection, Request request, String rawUuid) {
        String uuid = Ids.normalizeUuid(rawUuid);
        if (uuid == null) {
            throw ApiException.detail(404, "Not found.");
        }
        return collection.table().apply(store).find(uuid).filter(r -> collection.available(request, r))
                .map(JsonRow.class::cast).orElseThrow(() -> ApiException.notFound(collection.model()));
    }

    // Allocator and provider users stand for their organisation's owners.
    private static void requireOwner(User user, String customerUuid) {
        if (!user.staff() && !customerUuid.equals(user.customerUuid())) {
            throw ApiException.forbidden();
        }
    }

    private int activeProjects(String customerUuid) {
        int count = 0;
        for (JsonRow project : store.projects().rows()) {
            if (customerUuid.equals(project.text("customer_uuid")) && !project.get("is_removed").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static void validateCustomer(ObjectNode body, boolean partial) {
        ObjectNode errors = Json.NODES.objectNode();
        text(body, CUSTOMER_TEXT, partial, errors);
        if (body.hasNonNull("email") && !body.get("email").asText().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.putArray("email").add("Enter a valid email address.");
        }
        if (body.hasNonNull("homepage") && !body.get("homepage").asText().matches("https?://[^\\s/]+\\.[^\\s]*")) {
            errors.putArray("homepage").add("Enter a valid URL.");
        }
        if (body.has("country")) {
            String country = body.get("country").asText("");
            if (!country.isEmpty() && !COUNTRIES.contains(country)) {
                errors.putArray("country").add("\"" + country + "\" is not a valid choice.");
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors, Map.of());
        }
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

    private void validateProject(ObjectNode body, boolean partial, ObjectNode errors) {
        text(body, PROJECT_TEXT, partial, errors);
        for (String field : new String[] {"start_date", "end_date"}) {
            if (body.hasNonNull(field)) {
                try {
                    LocalDate date = LocalDate.parse(body.get(field).asText());
                    if (field.equals("end_date") && date.isBefore(LocalDate.ofInstant(store.now(), ZoneOffset.UTC))) {
                        errors.putArray(field).add("Cannot be earlier than the current date.");
                    }
                } catch (DateTimeParseException e) {
                    errors.putArray(field).add("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
                }
            }
        }
        if (body.has("kind") && !KINDS.contains(body.get("kind").asText())) {
            errors.putArray("kind").add("\"" + body.get("kind").asText() + "\" is not a valid choice.");
        }
        if (body.hasNonNull("oecd_fos_2007_code") && !Records.isOecdCode(body.get("oecd_fos_2007_code").asText())) {
            errors.putArray("oecd_fos_2007_code")
                    .add("\"" + body.get("oecd_fos_2007_code").asText() + "\" is not a valid choice.");
        }
        if (body.has("is_industry") && !body.get("is_industry").isBoolean()) {
            errors.putArray("is_industry").add("Must be a valid boolean.");
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
            Records.setOecd(node, body.hasNonNull("oecd_fos_2007_code") ? body.get("oecd_fos_2007_code").asText()
                    : null);
        }
        if (body.has("is_industry")) {
            node.put("is_industry", body.get("is_industry").asBoolean());
        }
    }

    // CharField rules: name required on create and PUT, never blank; others may be blank; max lengths.
    private static void text(ObjectNode body, Map<String, Integer> limits, boolean partial, ObjectNode errors) {
        if (!partial && !body.hasNonNull("name")) {
            errors.putArray("name").add("This field is required.");
        }
        for (Map.Entry<String, Integer> limit : limits.entrySet()) {
            JsonNode value = body.get(limit.getKey());
            if (value == null) {
                continue;
            }
            if (value.isContainerNode() || (value.isNull() && !limit.getKey().equals("name"))) {
                errors.putArray(limit.getKey()).add(value.isNull() ? "This field may not be null." : "Not a valid string.");
            } else if (limit.getKey().equals("name") && value.asText().isBlank()) {
                errors.putArray("name").add(value.isNull() ? "This field may not be null." : "This field may not be blank.");
            } else if (value.asText().length() > limit.getValue()) {
                errors.putArray(limit.getKey())
                        .add("Ensure this field has no more than " + limit.getValue() + " characters.");
            }
        }
    }

    private static String countryName(String code) {
        return code.isEmpty() ? "" : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
