package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an incremental harvest relies on (docs/emulator.md, "Changes and deletions"): {@code modified} filters,
 * {@code field=}, staff unlink, deleting pending orders, set_usage bumping the resource, and a renamed project's
 * name reaching its resources without their {@code modified}.
 */
class ChangeTrackingTest {
    private static Emulator emulator;
    private static Api staff;
    private static Api csc;

    @BeforeAll
    static void start() throws IOException {
        emulator = Emulator.start(EmulatorConfig.defaults());
        staff = new Api(emulator, emulator.staffToken());
        csc = new Api(emulator, emulator.allocatorTokens().get("CSC – IT Center for Science"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String now() {
        return emulator.clock().instant().toString();
    }

    private static List<String> uuids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(o -> out.add(o.get("uuid").asText()));
        return out;
    }

    private static JsonNode okResource(int n) {
        return staff.getJson("/api/marketplace-resources/?state=OK&page_size=300").get(n);
    }

    @Test
    void fieldUuidListsOnlyUuidsAndUnknownFieldsGiveWholeObjects() {
        JsonNode ids = staff.getJson("/api/marketplace-orders/?field=uuid&page_size=2");
        assertThat(ids.get(0).size()).isEqualTo(1);
        assertThat(ids.get(0).get("uuid").asText()).hasSize(32);
        JsonNode two = staff.getJson("/api/marketplace-orders/?field=uuid&field=state&page_size=1");
        assertThat(two.get(0).size()).isEqualTo(2);
        JsonNode unknown = staff.getJson("/api/marketplace-orders/?field=nonsense&page_size=1");
        assertThat(unknown.get(0).has("cost")).isTrue();
    }

    @Test
    void renamingAProjectRenamesItInItsResourcesWithoutModifiedAndModifiesTheProject() {
        JsonNode resource = okResource(5);
        String project = resource.get("project_uuid").asText();
        String before = now();

        assertThat(staff.method("PATCH", "/api/projects/" + project + "/", "{\"name\": \"Renamed here\"}").statusCode())
                .isEqualTo(200);

        JsonNode after = staff.getJson("/api/marketplace-resources/" + resource.get("uuid").asText() + "/");
        assertThat(after.get("project_name").asText()).isEqualTo("Renamed here");
        assertThat(after.get("modified").asText()).isEqualTo(resource.get("modified").asText());
        assertThat(uuids(staff.getJson("/api/projects/?modified=" + before))).containsExactly(project);
        assertThat(staff.getJson("/api/projects/" + project + "/").has("modified")).isFalse();
    }

    @Test
    void setUsageModifiesTheResourceAndModifiedTakesADateOrADateTime() {
        JsonNode resource = okResource(6);
        String uuid = resource.get("uuid").asText();
        String before = now();
        JsonNode component = resource.get("offering_components").get(0);
        String body = "{\"usages\": [{\"type\": \"" + component.get("type").asText() + "\", \"amount\": \"3\"}],"
                + " \"resource\": \"" + uuid + "\"}";
        Api provider = new Api(emulator, emulator.providerToken());
        assertThat(provider.post("/api/marketplace-component-usages/set_usage/", body).statusCode()).isEqualTo(201);

        assertThat(uuids(staff.getJson("/api/marketplace-resources/?modified=" + before))).contains(uuid);
        String day = before.substring(0, 10);
        assertThat(uuids(staff.getJson("/api/marketplace-resources/?page_size=300&modified=" + day))).contains(uuid);
    }

    @Test
    void unlinkDeletesTheResourceWithItsOrdersAndUsages() {
        // one CSC can see, so that its refusal is the permission check (403), not the lookup (404)
        JsonNode resource = csc.getJson("/api/marketplace-resources/?state=OK").get(1);
        String uuid = resource.get("uuid").asText();
        assertThat(staff.getJson("/api/marketplace-orders/?resource_uuid=" + uuid).size()).isPositive();

        assertThat(csc.post("/api/marketplace-resources/" + uuid + "/unlink/", "").statusCode()).isEqualTo(403);
        assertThat(staff.post("/api/marketplace-resources/" + uuid + "/unlink/", "").statusCode()).isEqualTo(204);

        assertThat(staff.get("/api/marketplace-resources/" + uuid + "/").statusCode()).isEqualTo(404);
        assertThat(staff.getJson("/api/marketplace-orders/?resource_uuid=" + uuid).size()).isZero();
        assertThat(staff.getJson("/api/marketplace-component-usages/?resource_uuid=" + uuid).size()).isZero();
    }

    @Test
    void deletingAPendingOrderRemovesIt() {
        JsonNode project = csc.getJson("/api/projects/").get(0);
        JsonNode offering = csc.getJson("/api/marketplace-public-offerings/?name_exact=LUMI%20Finland").get(0);
        String body = "{\"project\": \"" + project.get("url").asText() + "\", \"offering\": \""
                + offering.get("url").asText() + "\", \"plan\": \"" + offering.get("plans").get(0).get("url").asText()
                + "\", \"limits\": {\"cpu_k_hours\": 1}, \"attributes\": {\"name\": \"withdrawn\"}}";
        JsonNode order = Api.parse(csc.post("/api/marketplace-orders/", body).body());
        String uuid = order.get("uuid").asText();
        assertThat(order.get("state").asText()).isEqualTo("pending-consumer");

        assertThat(csc.method("DELETE", "/api/marketplace-orders/" + uuid + "/", null).statusCode()).isEqualTo(204);

        assertThat(staff.get("/api/marketplace-orders/" + uuid + "/").statusCode()).isEqualTo(404);
    }
}
