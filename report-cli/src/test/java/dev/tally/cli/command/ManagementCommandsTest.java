package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management commands against the emulator, as the DeiC allocator (who owns "LUMI Denmark") and staff. */
class ManagementCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Emulator emulator;
    private static Path deicToken;
    private static Path staffToken;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        deicToken = dir.resolve("deic");
        Files.writeString(deicToken, emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
        OwnerOnly.restrict(deicToken);
        staffToken = dir.resolve("staff");
        Files.writeString(staffToken, emulator.staffToken());
        OwnerOnly.restrict(staffToken);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static CliRun as(Path token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", emulator.baseUrl().toString(), "--token-file", token.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    private static JsonNode denmark() throws Exception {
        return json(as(deicToken, "offerings", "list", "--name-exact", "LUMI Denmark", "--output", "json")).get(0);
    }

    private static String deicProject() throws Exception {
        // The first project of DeiC, via the resources' project list: projects have no command of their own.
        return json(as(deicToken, "resources", "list", "--output", "json")).get(0).get("project_uuid").asText();
    }

    @Test
    void listsOfferingsWithSeedFiltersAsATable() {
        CliRun run = as(staffToken, "offerings", "list", "--state", "Active", "--shared", "true", "--type", "Marketplace.Script");

        assertThat(run.code()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2);
        assertThat(run.out()).startsWith("UUID").contains("LUMI custom script  Marketplace.Script  Active  Large Unified Modern Infrastructure  Script plan");
    }

    @Test
    void createsTheSeedOrderWaitsAndPrintsItsCost() throws Exception {
        JsonNode denmark = denmark();

        CliRun run = as(deicToken, "orders", "create", "--project", deicProject(), "--offering", denmark.get("uuid").asText(),
                "--limit", "cpu_k_hours=3", "--limit", "gb_k_hours=1", "--limit", "gpu_k_hours=2",
                "--option", "is_industry=true", "--option", "used_ai_tech=Deep Learning", "--option", "used_ai_tech=Machine Learning",
                "--name", "Resource allocation1", "--wait", "--output", "json");

        assertThat(run.code()).isZero();
        JsonNode order = json(run);
        assertThat(order.get("cost").decimalValue()).isEqualByComparingTo("1.301");
        assertThat(order.get("state").asText()).isEqualTo("done");
        assertThat(order.get("attributes").get("used_ai_tech").toString()).isEqualTo("[\"Deep Learning\",\"Machine Learning\"]");
        assertThat(order.get("attributes").get("is_industry").asBoolean()).isTrue();
    }

    @Test
    void refusesAnUnknownAiTechnologyBeforeCallingTheApi() throws Exception {
        CliRun run = as(deicToken, "orders", "create", "--project", deicProject(), "--offering", denmark().get("uuid").asText(),
                "--option", "used_ai_tech=Telepathy");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("--option used_ai_tech=Telepathy: 'Telepathy' is not one of Audio");
    }

    @Test
    void renamesSetsOptionsAndTerminatesAResource() throws Exception {
        CliRun created = as(deicToken, "orders", "create", "--project", deicProject(), "--offering", denmark().get("uuid").asText(),
                "--limit", "cpu_k_hours=1", "--name", "cli resource", "--wait", "--output", "json");
        String resource = json(created).get("marketplace_resource_uuid").asText();

        CliRun renamed = as(deicToken, "resources", "rename", resource, "--name", "New resource name", "--description", "New resource description");
        CliRun options = as(deicToken, "resources", "set-options", resource, "--option", "is_training=false", "--option", "used_ai_tech=Other");
        CliRun shown = as(deicToken, "resources", "show", resource, "--output", "json");
        CliRun terminated = as(deicToken, "resources", "terminate", resource, "--wait");

        assertThat(renamed.out()).isEqualTo(String.join(System.lineSeparator(), "name:        New resource name",
                "description: New resource description", ""));
        assertThat(options.out()).isEqualTo("Resource options are submitted" + System.lineSeparator());
        assertThat(json(shown).get("options").get("used_ai_tech").toString()).isEqualTo("[\"Other\"]");
        assertThat(terminated.code()).isZero();
        assertThat(terminated.out()).contains("state:      done");
    }

    @Test
    void approveOfADoneOrderIsAConflictWithExitCode1() throws Exception {
        CliRun created = as(deicToken, "orders", "create", "--project", deicProject(), "--offering", denmark().get("uuid").asText(),
                "--limit", "cpu_k_hours=1", "--wait", "--output", "json");
        String order = json(created).get("uuid").asText();

        CliRun run = as(deicToken, "orders", "approve", order, "--as", "provider");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: POST /api/marketplace-orders/" + order + "/approve_by_provider/ returned HTTP 409: "
                + "Valid states for operation: pending-provider." + System.lineSeparator());
    }

    @Test
    void dryRunsAScriptOffering() throws Exception {
        JsonNode script = json(as(staffToken, "offerings", "list", "--type", "Marketplace.Script", "--output", "json")).get(0);

        CliRun run = as(staffToken, "dry-run", script.get("uuid").asText(), "--type", "Create", "--attribute", "name=probe", "--async");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("Dry run of Create for offering LUMI custom script with attributes {\"name\":\"probe\"}"
                + System.lineSeparator());
    }
}
