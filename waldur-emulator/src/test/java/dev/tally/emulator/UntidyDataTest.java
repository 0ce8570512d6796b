package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.emulator.store.Quirk;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quirks that make the dataset as untidy as a real Waldur's (docs/emulator.md, "Untidy data"). */
class UntidyDataTest {
    /** The first two projects by name whose resources are all Terminated (seed 42, scale 1). */
    private static final List<String> REMOVED = List.of("1e9daa21d5cf419b9de7860ed53ba53c", "358cc7d4f7754d35a50620454de128ad");
    /** The first national share offering by name with resources. */
    private static final String ARCHIVED = "0ae78c330bbe45799ee5cf4612a2edde";

    private static Emulator tidy;
    private static Emulator untidy;
    private static Api tidyApi;
    private static Api api;

    @BeforeAll
    static void start() throws IOException {
        tidy = SharedEmulator.get();
        tidyApi = new Api(tidy, tidy.staffToken());
        untidy = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.SOFT_DELETED_PROJECTS)
                .withQuirk(Quirk.ARCHIVED_OFFERING));
        api = new Api(untidy, untidy.staffToken());
    }

    @AfterAll
    static void stop() {
        untidy.close();
    }

    private static long count(Api on, String pathAndQuery) {
        return Long.parseLong(on.get(pathAndQuery).headers().firstValue("X-Result-Count").orElseThrow());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Api.JSON.readTree(response.body());
    }

    @Test
    void softDeletedProjectsLeaveTheProjectsListButTheirResourcesStay() throws IOException {
        assertThat(count(api, "/api/projects/")).isEqualTo(count(tidyApi, "/api/projects/") - 2);
        List<String> removed = new ArrayList<>();
        json(api.get("/api/projects/?include_terminated=true&is_removed=true&page_size=300"))
                .forEach(p -> removed.add(p.get("uuid").asText()));
        assertThat(removed).containsExactlyElementsOf(REMOVED);
        for (String project : REMOVED) {
            assertThat(api.get("/api/projects/" + project + "/").statusCode()).isEqualTo(404);
            String resources = "/api/marketplace-resources/?project_uuid=" + project;
            assertThat(count(api, resources)).isPositive().isEqualTo(count(tidyApi, resources));
            json(api.get(resources + "&page_size=300")).forEach(r -> assertThat(r.get("state").asText()).isEqualTo("Terminated"));
        }
        assertThat(count(api, "/api/marketplace-resources/")).isEqualTo(count(tidyApi, "/api/marketplace-resources/"));
    }

    @Test
    void anArchivedOfferingLeavesThePublicListAndDetailButStaysAProviderOffering() throws IOException {
        assertThat(count(api, "/api/marketplace-public-offerings/"))
                .isEqualTo(count(tidyApi, "/api/marketplace-public-offerings/") - 1);
        assertThat(api.get("/api/marketplace-public-offerings/" + ARCHIVED + "/").statusCode()).isEqualTo(404);
        JsonNode provider = json(api.get("/api/marketplace-provider-offerings/" + ARCHIVED + "/"));
        assertThat(provider.get("name").asText()).isEqualTo("LUMI Belgium");
        assertThat(provider.get("state").asText()).isEqualTo("Archived");
        assertThat(json(tidyApi.get("/api/marketplace-public-offerings/" + ARCHIVED + "/")).get("state").asText())
                .isEqualTo("Active");
        String resources = "/api/marketplace-resources/?offering_uuid=" + ARCHIVED;
        assertThat(count(api, resources)).isPositive().isEqualTo(count(tidyApi, resources));
    }

    @Test
    void quirksAreOffByDefaultAndNamedOnTheCommandLine() {
        assertThat(EmulatorConfig.defaults().quirks()).isEmpty();
        assertThat(EmulatorMain.parse("--quirks", "soft-deleted-projects,archived-offering").quirks())
                .containsExactlyInAnyOrder(Quirk.SOFT_DELETED_PROJECTS, Quirk.ARCHIVED_OFFERING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmulatorMain.parse("--quirks", "tidy"))
                .hasMessage("unknown quirk (tidy); use soft-deleted-projects, archived-offering, second-plan,"
                        + " mispriced-invoice-item or projects-without-modified");
    }
}
