package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Organisations;
import dev.tally.emulator.store.OrganisationRecords;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The customer and project write endpoints: create, PUT/PATCH and DELETE. Checks run lookup (404), permission
 * (403), state (409), then the body (400), which reports every bad field at once as DRF does; the store's
 * {@link Organisations} makes the change. Callers hold the write lock.
 */
final class OrganisationRequests extends RowRequests {
    private static final Map<String, Integer> CUSTOMER_TEXT = Organisations.CUSTOMER_TEXT;
    private static final Map<String, Integer> PROJECT_TEXT = Organisations.PROJECT_TEXT;
    private static final Set<String> KINDS = Set.of("default", "course", "public");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Organisations organisations;

    OrganisationRequests(Store store, Organisations organisations) {
        super(store);
        this.organisations = organisations;
    }

    /** {@code POST /api/customers/}: staff only. */
    Response createCustomer(Request request) {
        if (!request.staff()) {
            throw ApiException.forbidden();
        }
        ObjectNode body = request.jsonObject();
        validateCustomer(body, false);
        JsonRow customer = organisations.createCustomer(body);
        return Writes.created(request, customer);
    }

    /** {@code PUT/PATCH /api/customers/{uuid}/}: staff, or the customer's own (owner) users. */
    Response updateCustomer(Request request, String rawUuid, boolean partial) {
        JsonRow customer = find(CUSTOMERS, request, rawUuid);
        requireOwner(request.user(), customer.uuid());
        ObjectNode body = request.jsonObject();
        validateCustomer(body, partial);
        organisations.updateCustomer(customer, body);
        return Writes.json(200, request, customer);
    }

    /** {@code DELETE /api/customers/{uuid}/}: staff only; 409 while the customer has projects. */
    Response deleteCustomer(Request request, String rawUuid) {
        JsonRow customer = find(CUSTOMERS, request, rawUuid);
        if (!request.staff()) {
            throw ApiException.forbidden();
        }
        if (organisations.activeProjects(customer.uuid()) > 0) {
            // Project.customer is on_delete=PROTECT; Waldur turns the ProtectedError into a 409 {"detail"}.
            throw ApiException.detail(409, "Cannot delete organization with existing projects.");
        }
        organisations.deleteCustomer(customer);
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
            customer = store.customers().find(customerUuid).filter(c -> CUSTOMERS.visible().test(user, c))
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
        JsonRow project = organisations.createProject(customer, body);
        return Writes.created(request, project);
    }

    /** {@code PUT/PATCH /api/projects/{uuid}/}: staff or the customer's users; {@code customer} cannot change. */
    Response updateProject(Request request, String rawUuid, boolean partial) {
        JsonRow project = find(PROJECTS, request, rawUuid);
        requireOwner(request.user(), project.text("customer_uuid"));
        ObjectNode body = request.jsonObject();
        ObjectNode errors = Json.NODES.objectNode();
        validateProject(body, partial, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors, Map.of());
        }
        organisations.updateProject(project, body);
        return Writes.json(200, request, project);
    }

    /** {@code DELETE /api/projects/{uuid}/}: a soft delete; 409 while the project has resources not Terminated. */
    Response deleteProject(Request request, String rawUuid) {
        JsonRow project = find(PROJECTS, request, rawUuid);
        requireOwner(request.user(), project.text("customer_uuid"));
        if (organisations.hasActiveResources(project)) {
            throw ApiException.detail(409, "Project has active resources.");
        }
        organisations.deleteProject(project);
        return Response.empty(204);
    }

    // Allocator and provider users stand for their organisation's owners.
    private static void requireOwner(User user, String customerUuid) {
        if (!user.staff() && !customerUuid.equals(user.customerUuid())) {
            throw ApiException.forbidden();
        }
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
        if (body.hasNonNull("oecd_fos_2007_code") && !OrganisationRecords.isOecdCode(body.get("oecd_fos_2007_code").asText())) {
            errors.putArray("oecd_fos_2007_code")
                    .add("\"" + body.get("oecd_fos_2007_code").asText() + "\" is not a valid choice.");
        }
        if (body.has("is_industry") && !body.get("is_industry").isBoolean()) {
            errors.putArray("is_industry").add("Must be a valid boolean.");
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
}
