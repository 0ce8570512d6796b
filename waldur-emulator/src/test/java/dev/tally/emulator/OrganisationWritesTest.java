package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Customer and project writes (docs/emulator.md, "Organisations") over HTTP. */
class OrganisationWritesTest {
    private static Emulator emulator;
    private static Api staff;
    private static Api csc;
    private static String cscUrl;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
        csc = new Api(emulator, emulator.allocatorTokens().get("CSC – IT Center for Science"));
        cscUrl = csc.getJson("/api/customers/").get(0).get("url").asText();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void staffCreatesCustomerThatAppearsInNameOrder() {
        HttpResponse<String> created = staff.post("/api/customers/",
                "{\"name\": \"AAA First Org\", \"abbreviation\": \"AFO\", \"country\": \"EE\"}");
        JsonNode customer = Api.parse(created.body());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(customer.get("url").asText());
        assertThat(customer.get("country_name").asText()).isEqualTo("Estonia");
        assertThat(customer.get("projects_count").asInt()).isZero();
        JsonNode first = staff.getJson("/api/customers/?page_size=1").get(0);
        assertThat(first.get("uuid").asText()).isEqualTo(customer.get("uuid").asText());
        assertThat(staff.head("/api/customers/").headers().firstValue("X-Result-Count")).hasValue("12");
    }

    @Test
    void nonStaffCannotCreateCustomer() {
        HttpResponse<String> response = csc.post("/api/customers/", "{\"name\": \"Mine\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"detail\":\"You do not have permission to perform this action.\"}");
    }

    @Test
    void customerCreateReportsEveryBadField() {
        HttpResponse<String> response = staff.post("/api/customers/",
                "{\"abbreviation\": \"WAYTOOLONGABBREV\", \"country\": \"XX\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = Api.parse(response.body());
        assertThat(body.get("name").get(0).asText()).isEqualTo("This field is required.");
        assertThat(body.get("abbreviation").get(0).asText())
                .isEqualTo("Ensure this field has no more than 12 characters.");
        assertThat(body.get("country").get(0).asText()).isEqualTo("\"XX\" is not a valid choice.");
    }

    @Test
    void ownerPatchesItsCustomerAndProjectsFollowTheName() {
        String path = cscUrl.substring(cscUrl.indexOf("/api/"));
        HttpResponse<String> patched = csc.method("PATCH", path, "{\"native_name\": \"Tieteen tietotekniikan keskus\"}");

        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(Api.parse(patched.body()).get("native_name").asText()).isEqualTo("Tieteen tietotekniikan keskus");
        assertThat(csc.getJson("/api/projects/?page_size=1").get(0).get("customer_native_name").asText())
                .isEqualTo("Tieteen tietotekniikan keskus");
        assertThat(csc.method("PUT", path, "{\"abbreviation\": \"CSC\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void deletingCustomerWithProjectsIsAConflict() {
        String path = cscUrl.substring(cscUrl.indexOf("/api/"));

        assertThat(csc.method("DELETE", path, null).statusCode()).isEqualTo(403);
        HttpResponse<String> response = staff.method("DELETE", path, null);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(Api.parse(response.body()).get("detail").asText())
                .isEqualTo("Cannot delete organization with existing projects.");
    }

    @Test
    void staffDeletesEmptyCustomer() {
        String uuid = Api.parse(staff.post("/api/customers/", "{\"name\": \"Short-lived\"}").body()).get("uuid").asText();

        assertThat(staff.method("DELETE", "/api/customers/" + uuid + "/", null).statusCode()).isEqualTo(204);
        assertThat(staff.get("/api/customers/" + uuid + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void allocatorCreatesProjectInItsOwnCustomer() {
        int before = csc.getJson("/api/customers/").get(0).get("projects_count").asInt();
        HttpResponse<String> created = csc.post("/api/projects/", "{\"customer\": \"" + cscUrl
                + "\", \"name\": \"000 New lab\", \"backend_id\": \"csc-1\", \"start_date\": \"2027-01-01\","
                + " \"oecd_fos_2007_code\": \"1.1\", \"kind\": \"course\"}");
        JsonNode project = Api.parse(created.body());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(project.get("customer_uuid").asText()).isEqualTo(cscUrl.replaceAll(".*/customers/([0-9a-f]+)/", "$1"));
        assertThat(project.get("start_date").asText()).isEqualTo("2027-01-01");
        assertThat(project.get("oecd_fos_2007_label").asText()).isNotEmpty();
        assertThat(project.get("kind").asText()).isEqualTo("course");
        assertThat(csc.getJson("/api/projects/?page_size=1").get(0).get("uuid").asText())
                .isEqualTo(project.get("uuid").asText());
        assertThat(csc.getJson("/api/customers/").get(0).get("projects_count").asInt()).isEqualTo(before + 1);
    }

    @Test
    void projectCreateNeedsAVisibleCustomerAndAName() {
        String deic = staff.getJson("/api/customers/?abbreviation=DeiC").get(0).get("url").asText();

        HttpResponse<String> response = csc.post("/api/projects/", "{\"customer\": \"" + deic + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"customer\":[\"Invalid hyperlink - Object does not exist.\"],"
                + "\"name\":[\"This field is required.\"]}");
    }

    @Test
    void projectWithActiveResourcesCannotBeDeleted() {
        String busy = staff.getJson("/api/marketplace-resources/?state=OK&customer_uuid="
                + cscUrl.replaceAll(".*/customers/([0-9a-f]+)/", "$1")).get(0).get("project_uuid").asText();

        HttpResponse<String> response = csc.method("DELETE", "/api/projects/" + busy + "/", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Project has active resources.\"}");
    }

    @Test
    void deletedProjectIsSoftDeletedAndHiddenFromLists() {
        String uuid = Api.parse(csc.post("/api/projects/", "{\"customer\": \"" + cscUrl + "\", \"name\": \"Tmp\"}")
                .body()).get("uuid").asText();
        HttpResponse<String> renamed = csc.method("PATCH", "/api/projects/" + uuid + "/", "{\"name\": \"Tmp 2\"}");

        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(csc.method("DELETE", "/api/projects/" + uuid + "/", null).statusCode()).isEqualTo(204);
        assertThat(csc.get("/api/projects/" + uuid + "/").statusCode()).isEqualTo(404);
        assertThat(csc.getJson("/api/projects/?name_exact=Tmp%202")).isEmpty();
        JsonNode removed = csc.getJson("/api/projects/?name_exact=Tmp%202&include_terminated=true").get(0);
        assertThat(removed.get("is_removed").asBoolean()).isTrue();
    }
}
