package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally harvest} end to end over loopback HTTP: success, every failure as one line, and the token never shown. */
class HarvestCommandTest {
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

    private static void assertNoToken(CliRun run) {
        assertThat(run.out()).doesNotContain(emulator.staffToken());
        assertThat(run.err()).doesNotContain(emulator.staffToken());
    }

    private static void assertEmpty(Path dir) throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void harvestsSelectedCollectionsIntoASnapshot(@TempDir Path dir) {
        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", tokenFile.toString(),
                "--out", dir.resolve("snap").toString(), "--collections", "customers,offerings", "--page-size", "5");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("customers                 11  customers.jsonl.gz")
                .contains("offerings                 20  offerings.jsonl.gz");
        assertThat(dir.resolve("snap/manifest.json")).exists();
        assertNoToken(run);
    }

    @Test
    void helpDocumentsEveryOption() {
        CliRun run = CliRun.of("harvest", "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--url=URL", "--token-file=FILE", "--profile=NAME", "--config=FILE", "--out=DIR",
                "--page-size=N", "--concurrency=N", "--collections=NAME", "--allow-insecure-http", "--retries=N",
                "--request-timeout=SECONDS", "Exit codes:");
    }

    @Test
    void wrongUrlIsOneLineNamingTheCause(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl() + "wrong/", "--token-file", tokenFile.toString(),
                "--out", dir.resolve("snap").toString(), "--retries", "0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /wrong/api/customers/ returned HTTP 404: Not found. (is "
                + emulator.baseUrl() + "wrong/api/ the Waldur API root? check --url)" + System.lineSeparator());
        assertEmpty(dir);
    }

    @Test
    void refusedConnectionIsOneLine(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }

        CliRun run = CliRun.of("harvest", "--url", "http://127.0.0.1:" + port + "/", "--token-file", tokenFile.toString(),
                "--out", dir.resolve("snap").toString(), "--retries", "0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /api/customers/: connection refused by 127.0.0.1:" + port
                + " (is the server running and the URL right?)" + System.lineSeparator());
        assertEmpty(dir);
    }

    @Test
    void badTokenIsOneLineWithTheServersMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-token");
        Files.writeString(bad, "0".repeat(40));
        OwnerOnly.restrict(bad);

        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", bad.toString(),
                "--out", dir.resolve("snap").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /api/customers/ returned HTTP 401: Invalid token." + System.lineSeparator());
        assertThat(dir.resolve("snap")).doesNotExist();
        assertThat(run.err()).doesNotContain("0".repeat(40));
    }

    @Test
    void nonJsonBodyIsOneLine(@TempDir Path dir) throws Exception {
        HttpServer html = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        html.createContext("/", x -> {
            byte[] body = "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/html");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        html.start();
        try {
            CliRun run = CliRun.of("harvest", "--url", "http://127.0.0.1:" + html.getAddress().getPort() + "/",
                    "--token-file", tokenFile.toString(), "--out", dir.resolve("snap").toString(), "--retries", "0");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).startsWith("tally: GET /api/customers/ returned HTTP 200: the response is not valid JSON (text/html: ")
                    .endsWith("); is the URL the Waldur API root?" + System.lineSeparator());
            assertThat(run.err().lines()).hasSize(1);
        } finally {
            html.stop(0);
        }
        assertEmpty(dir);
    }

    @Test
    void everyRequestFailingGivesOneLineAndNoDirectory(@TempDir Path dir) throws Exception {
        try (Emulator broken = Emulator.start(EmulatorConfig.defaults().withSeed(4)
                .withFaults("429:0.25,5xx:0.25,reset:0.25,truncate:0.25"))) {

            CliRun run = CliRun.of("harvest", "--url", broken.baseUrl().toString(), "--token-file", tokenFile.toString(),
                    "--out", dir.resolve("snap").toString(), "--retries", "2");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).startsWith("tally: GET /api/customers/");
            assertThat(run.err().lines()).hasSize(1);
            assertNoToken(run);
        }
        assertEmpty(dir);
    }

    @Test
    void missingTokenIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", dir.resolve("nope").toString(),
                "--out", dir.resolve("snap").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("token file " + dir.resolve("nope") + " does not exist");
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefused(@TempDir Path dir) {
        CliRun run = CliRun.of("harvest", "--url", "http://waldur.example/", "--token-file", tokenFile.toString(),
                "--out", dir.resolve("snap").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("refusing plain http:// to waldur.example: the token would travel unencrypted "
                + "(use https:// or --allow-insecure-http)");
    }

    @Test
    void readsUrlAndTokenFileFromAProfile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "profiles:\n  local:\n    url: " + emulator.baseUrl() + "\n    token_file: " + tokenFile + "\n");

        CliRun run = CliRun.of("harvest", "--profile", "local", "--config", config.toString(),
                "--out", dir.resolve("snap").toString(), "--collections", "offerings");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("offerings                 20  offerings.jsonl.gz");
    }
}
