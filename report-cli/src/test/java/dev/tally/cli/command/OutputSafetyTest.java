package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regressions for "never destroy what is not ours": harvest and export refuse, with one line and exit
 * 2, any target that is not new, empty or a snapshot, and leave its contents exactly as they were.
 */
class OutputSafetyTest {
    /** How an export\'s error lines start: the run\'s time, then the command (TestClock.FIXED). */
    static final String EXPORT_STAMP = "2026-11-02T06:00:00Z tally export: ";
    private static final String NL = System.lineSeparator();
    private static final String NOT_A_SNAPSHOT = ": it is not empty and is not a Tally snapshot (no manifest.json of format"
            + " tally-snapshot/1); choose a new or empty directory";
    private static Emulator emulator;
    private static Path tokenFile;
    /** A loopback port nobody listens on: if a refusal ever failed, the harvest could not publish anything. */
    private static String deadUrl;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, emulator.staffToken());
        OwnerOnly.restrict(tokenFile);
        try (ServerSocket s = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + s.getLocalPort() + "/api/";
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Every file under {@code dir} with its bytes, to compare before and after. */
    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Long.toString(Files.size(p)) + ":" + Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static CliRun harvest(String url, String out) {
        return CliRun.of("harvest", "--url", url, "--token-file", tokenFile.toString(), "--out", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "."})
    void refusesTheWorkingDirectoryAndLeavesItAlone(String out) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> before = names(cwd);
        List<String> parentBefore = names(cwd.getParent());

        CliRun run = harvest(deadUrl, out);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tally: refusing to write a snapshot to " + cwd + NOT_A_SNAPSHOT + NL);
        assertThat(run.out()).isEmpty();
        assertThat(names(cwd)).isEqualTo(before);
        assertThat(names(cwd.getParent())).isEqualTo(parentBefore);
    }

    @Test
    void refusesANonEmptyDirectoryThatIsNotASnapshot(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("main"));
        Files.writeString(src.resolve("main/App.java"), "class App {}");
        Files.writeString(src.resolve("README"), "read me");
        Map<String, String> before = tree(src);

        CliRun run = harvest(emulator.baseUrl().toString(), src.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tally: refusing to write a snapshot to " + src + NOT_A_SNAPSHOT + NL);
        assertThat(tree(src)).isEqualTo(before);
        assertThat(names(dir)).containsExactly("src");
    }

    @Test
    void refusesAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");

        CliRun run = harvest(emulator.baseUrl().toString(), file.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("tally: refusing to write a snapshot to " + file + ": it is a file, not a snapshot directory" + NL);
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(names(dir)).containsExactly("notes.txt");
    }

    @Test
    void replacesAnEarlierSnapshotAndFillsAnEmptyDirectory(@TempDir Path dir) throws Exception {
        Path snap = Files.createDirectories(dir.resolve("snap"));

        CliRun first = harvest(emulator.baseUrl().toString(), snap.toString());
        CliRun second = harvest(emulator.baseUrl().toString(), snap.toString());

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(names(dir)).containsExactly("snap");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "''", "'{yyyy}/..'"})
    void anExportWhoseSnapshotsPatternNamesTheConfigFolderIsRefused(String pattern, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "url: " + deadUrl,
                "token_file: " + tokenFile,
                "snapshots: " + pattern,
                "templates: [ai-tech-breakdown]",
                "destination: share/{yyyy}/{MM}/", ""));
        Files.writeString(dir.resolve("entitlements.csv"), "project,cpu\n");
        Map<String, String> before = tree(dir);

        CliRun run = CliRun.of("export", "--config", config.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(EXPORT_STAMP + "refusing to write a snapshot to " + dir + NOT_A_SNAPSHOT + NL);
        assertThat(tree(dir)).isEqualTo(before);
    }

    @Test
    void anExportDestinationThatClimbsOutOfItsRootIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "snapshot: " + DemoSnapshot.get(),
                "templates: [ai-tech-breakdown]",
                "formats: [csv]",
                "destination: a/b/{yyyy}/../../../c",
                "month: 2026-10", ""));

        CliRun run = CliRun.of("export", "--config", config.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElse("")).isEqualTo(EXPORT_STAMP + "destination '" + dir + "/a/b/{yyyy}/../../../c' gives "
                + dir.resolve("c") + " lies outside its root " + dir.resolve("a/b") + "; remove the '..' that leads out of it");
        assertThat(names(dir)).containsExactly("export.yaml");
    }

    @Test
    void aFailedExportHarvestLeavesNothingInTheTemporaryFolder(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad-token");
        Files.writeString(bad, "0".repeat(40));
        OwnerOnly.restrict(bad);
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "url: " + emulator.baseUrl(),
                "token_file: " + bad,
                "templates: [ai-tech-breakdown]",
                "destination: share/{yyyy}/{MM}/", ""));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> before = exportTemporaries(tmp);

        CliRun run = CliRun.of("export", "--config", config.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(EXPORT_STAMP + "GET /api/customers/ returned HTTP 401: Invalid token." + NL);
        assertThat(exportTemporaries(tmp)).isEqualTo(before);
        assertThat(names(dir)).containsExactly("bad-token", "export.yaml");
    }

    private static List<String> exportTemporaries(Path tmp) throws Exception {
        return names(tmp).stream().filter(n -> n.startsWith("tally-export-")).toList();
    }
}
