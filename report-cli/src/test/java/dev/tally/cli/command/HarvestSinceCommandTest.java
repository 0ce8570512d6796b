package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally harvest --since}: a refresh equal to a full harvest, and a damaged base refused in one line. */
class HarvestSinceCommandTest {
    private static final List<String> FILES = List.of("customers.jsonl.gz", "projects.jsonl.gz", "offerings.jsonl.gz",
            "orders.jsonl.gz", "resources.jsonl.gz", "component-usages.jsonl.gz");
    private static Emulator emulator;
    private static Path tokenFile;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, emulator.staffToken() + "\n");
        OwnerOnly.restrict(tokenFile);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static CliRun harvest(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("harvest", "--url", emulator.baseUrl().toString(),
                "--token-file", tokenFile.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void refreshAfterARenameEqualsAFullHarvest(@TempDir Path dir) throws Exception {
        assertThat(harvest("--out", dir.resolve("base").toString()).code()).isZero();
        String project = emulatorProject();
        HttpResponse<String> renamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        emulator.baseUrl().resolve("api/projects/" + project + "/"))
                .header("Authorization", "Token " + emulator.staffToken()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"Renamed by the CLI test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(renamed.statusCode()).isEqualTo(200);

        // The tests' clock is a day after the emulator's logical time: the overlap covers that skew.
        CliRun run = harvest("--since", dir.resolve("base").toString(), "--overlap", "3d",
                "--out", dir.resolve("refreshed").toString());
        assertThat(harvest("--out", dir.resolve("full").toString()).code()).isZero();

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("snapshot written to " + dir.resolve("refreshed").toAbsolutePath().normalize());
        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("refreshed").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("full").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("refreshed/manifest.json")))
                .contains("\"base\" : \"" + dir.resolve("base").toAbsolutePath().normalize() + "\"")
                .contains("\"how\" : \"modified\"");
    }

    /** A project that has resources, so its rename reaches rows the refresh keeps from the base. */
    private static String emulatorProject() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        emulator.baseUrl().resolve("api/marketplace-resources/?state=OK&field=project_uuid&page_size=1"))
                .header("Authorization", "Token " + emulator.staffToken()).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().replaceAll(".*\"project_uuid\":\"([0-9a-f]{32})\".*", "$1").strip();
    }

    @Test
    void aDamagedBaseIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        assertThat(harvest("--out", dir.resolve("base").toString(), "--collections", "customers").code()).isZero();
        Path customers = dir.resolve("base/customers.jsonl.gz");
        byte[] bytes = Files.readAllBytes(customers);
        bytes[bytes.length - 9] ^= 1;
        Files.write(customers, bytes);

        CliRun run = harvest("--since", dir.resolve("base").toString(), "--out", dir.resolve("new").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tally: cannot refresh from " + dir.resolve("base") + ": snapshot "
                + dir.resolve("base") + " is damaged: customers.jsonl.gz does not match its SHA-256 in manifest.json"
                + " (changed after the harvest?)" + System.lineSeparator());
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void anIncrementalExportRefreshesTheSnapshotItKeptLastTime(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n", "url: " + emulator.baseUrl(), "token_file: " + tokenFile,
                "snapshots: snaps/{yyyy}-{MM}", "incremental: true", "templates: [ai-tech-breakdown]",
                "destination: share/{yyyy}/{MM}/", ""));
        Path snapshot = dir.resolve("snaps/2026-11");

        CliRun first = CliRun.of("export", "--config", config.toString(), "--quiet");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(Files.readString(snapshot.resolve("manifest.json"))).doesNotContain("\"incremental\"");
        byte[] usages = Files.readAllBytes(snapshot.resolve("component-usages.jsonl.gz"));

        CliRun second = CliRun.of("export", "--config", config.toString(), "--quiet");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(Files.readString(snapshot.resolve("manifest.json")))
                .contains("\"base\" : \"" + snapshot.toAbsolutePath().normalize() + "\"");
        assertThat(Files.readAllBytes(snapshot.resolve("component-usages.jsonl.gz"))).isEqualTo(usages);
    }

    @Test
    void anIncrementalExportNeedsASnapshotsFolder(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n", "url: " + emulator.baseUrl(), "token_file: " + tokenFile,
                "incremental: true", "templates: [ai-tech-breakdown]", "destination: share/{yyyy}/{MM}/", ""));

        CliRun run = CliRun.of("export", "--config", config.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("2026-11-02T06:00:00Z tally export: " + config + ":3:1: at 'incremental': 'incremental: true' needs 'url' and 'snapshots'");
    }

    @Test
    void aBadOverlapIsAUsageError(@TempDir Path dir) {
        CliRun run = harvest("--since", dir.toString(), "--overlap", "soon", "--out", dir.resolve("new").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("'soon' is not a duration (e.g. 1d, 12h, 30m or PT6H)");
    }
}
