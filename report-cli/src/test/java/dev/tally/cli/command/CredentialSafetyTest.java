package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets: a token file others can read is flagged or refused; credentials in a URL are refused and never shown. */
class CredentialSafetyTest {
    private static final String NL = System.lineSeparator();
    private static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Path worldReadableToken(Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, emulator.staffToken() + "\n");
        Assumptions.assumeTrue(Files.getFileAttributeView(token, java.nio.file.attribute.PosixFileAttributeView.class) != null,
                "POSIX permissions");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        return token;
    }

    @Test
    void aTokenFileOthersCanReadIsAWarningAndTheHarvestGoesOn(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);

        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", token.toString(),
                "--out", dir.resolve("snap").toString(), "--collections", "customers");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("tally: warning: token file " + token + " is readable by group and others (rw-r--r--);"
                + " run chmod 600 " + token + NL);
        assertThat(dir.resolve("snap/manifest.json")).exists();
    }

    @Test
    void strictPermissionsRefusesSuchATokenFileBeforeConnecting(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);

        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", token.toString(),
                "--out", dir.resolve("snap").toString(), "--strict-permissions");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo("token file " + token
                + " is readable by group and others (rw-r--r--); run chmod 600 " + token + " (refused because of --strict-permissions)");
        assertThat(run.err()).doesNotContain(emulator.staffToken());
        assertThat(dir.resolve("snap")).doesNotExist();
    }

    @Test
    void anExportWithStrictPermissionsRefusesSuchATokenFileAndWritesNothing(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "url: " + emulator.baseUrl(),
                "token_file: " + token,
                "snapshots: snaps/{yyyy}-{MM}",
                "templates: [ai-tech-breakdown]",
                "destination: share/{yyyy}/{MM}/", ""));

        CliRun run = CliRun.of("export", "--config", config.toString(), "--strict-permissions");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo(OutputSafetyTest.EXPORT_STAMP + "token file " + token
                + " is readable by group and others (rw-r--r--); run chmod 600 " + token + " (refused because of --strict-permissions)");
        assertThat(dir.resolve("snaps")).doesNotExist();
        assertThat(dir.resolve("share")).doesNotExist();
    }

    @Test
    void aTokenFileOnlyTheOwnerCanReadIsSilent(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("r--------"));

        CliRun run = CliRun.of("harvest", "--url", emulator.baseUrl().toString(), "--token-file", token.toString(),
                "--out", dir.resolve("snap").toString(), "--collections", "customers", "--strict-permissions");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void credentialsInTheUrlAreRefusedAndNeverPrinted(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        String url = emulator.baseUrl().toString().replace("http://", "http://alice:s3cret@");

        CliRun run = CliRun.of("harvest", "--url", url, "--token-file", token.toString(), "--out", dir.resolve("snap").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo("the API URL for 127.0.0.1 carries a user name or password"
                + " (user:password@host); remove it and give the token with --token-file or WALDUR_TOKEN");
        assertThat(run.err() + run.out()).doesNotContain("s3cret").doesNotContain("alice");
        assertThat(dir.resolve("snap")).doesNotExist();
    }

    @Test
    void aUrlThatDoesNotParseIsShownWithoutItsCredentials(@TempDir Path dir) {
        CliRun run = CliRun.of("harvest", "--url", "http://alice:s3cret@bad host/", "--out", dir.resolve("snap").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo("invalid URL in --url: http://***@bad host/");
        assertThat(run.err()).doesNotContain("s3cret").doesNotContain("alice").doesNotContain("Exception");
    }

    @Test
    void anExportWithCredentialsInItsUrlStoresAndPrintsNothingOfThem(@TempDir Path dir) throws Exception {
        Path token = worldReadableToken(dir);
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "url: " + emulator.baseUrl().toString().replace("http://", "http://alice:s3cret@"),
                "token_file: " + token,
                "snapshots: snaps/{yyyy}-{MM}",
                "templates: [ai-tech-breakdown]",
                "destination: share/{yyyy}/{MM}/", ""));

        CliRun run = CliRun.of("export", "--config", config.toString());

        // a config error, so exit 2 with the file and line, as for every other (docs/export.md, "Exit codes")
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo(OutputSafetyTest.EXPORT_STAMP + config
                + ":1:1: at 'url': the API URL for 127.0.0.1 carries a user name or password (user:password@host);"
                + " remove it and give the token with token_file or WALDUR_TOKEN");
        assertThat(run.err() + run.out()).doesNotContain("s3cret").doesNotContain("alice");
        assertThat(dir.resolve("snaps")).doesNotExist();
        assertThat(dir.resolve("share")).doesNotExist();
    }
}
