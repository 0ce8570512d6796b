package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Main;
import dev.tally.cli.TestClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published files and created folders get the umask's mode, or the config's file_mode and dir_mode. */
class ExportModesTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("export.yaml");
        writeConfig("");
    }

    private void writeConfig(String extra) throws Exception {
        Files.writeString(config, String.join("\n",
                "snapshot: " + DemoSnapshot.get(),
                "templates: [ai-tech-breakdown]",
                "formats: [csv]",
                "destination: share/lumi/{yyyy}/{MM}/",
                "month: 2026-10", extra));
    }

    private int export(StringWriter err) {
        return Main.run(TestClock.FIXED, new PrintWriter(new StringWriter()), new PrintWriter(err), "export", "--config", config.toString());
    }

    /** The mode of every file and folder under {@code share}, by path relative to it. */
    private Map<String, String> modes() throws Exception {
        Path share = dir.resolve("share");
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(share)) {
            for (Path p : s.skip(1).toList()) {
                m.put(share.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return m;
    }

    @Test
    void configuredModesApplyToEveryPublishedFileAndCreatedFolder() throws Exception {
        writeConfig("file_mode: \"0640\"\ndir_mode: \"0750\"\n");
        StringWriter err = new StringWriter();

        assertThat(export(err)).as(err.toString()).isZero();

        Map<String, String> modes = modes();
        assertThat(modes).containsEntry("lumi", "rwxr-x---").containsEntry("lumi/2026", "rwxr-x---")
                .containsEntry("lumi/2026/10", "rwxr-x---")
                .containsEntry("lumi/2026/10/ai-tech-breakdown-2026-10-by-tech.csv", "rw-r-----")
                .containsEntry("lumi/2026/10/ai-tech-breakdown-2026-10-provenance.csv", "rw-r-----")
                .containsEntry("lumi/latest", "rw-r-----").containsEntry("lumi/tally-export-history.log", "rw-r-----");
        assertThat(modes.entrySet().stream().filter(e -> e.getKey().endsWith(".csv")).map(Map.Entry::getValue))
                .hasSize(4).containsOnly("rw-r-----");
    }

    @Test
    void anExistingFolderKeepsItsMode() throws Exception {
        Path lumi = Files.createDirectories(dir.resolve("share/lumi"));
        Files.setPosixFilePermissions(lumi, PosixFilePermissions.fromString("rwxrwxr-x"));
        writeConfig("dir_mode: \"0700\"\n");

        assertThat(export(new StringWriter())).isZero();

        assertThat(modes()).containsEntry("lumi", "rwxrwxr-x").containsEntry("lumi/2026", "rwx------")
                .containsEntry("lumi/2026/10", "rwx------");
    }

    @Test
    void withoutAModeTheUmaskDecides() throws Exception {
        // a child JVM, since a process cannot change its own umask from Java
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("sh", "-c", "umask 027 && exec \"$0\" \"$@\"", java, "-Xmx512m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--quiet", "export", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();

        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        Map<String, String> modes = modes();
        assertThat(modes).containsEntry("lumi", "rwxr-x---").containsEntry("lumi/2026/10", "rwxr-x---")
                .containsEntry("lumi/2026/10/ai-tech-breakdown-2026-10-by-tech.csv", "rw-r-----");
        assertThat(modes.entrySet().stream().filter(e -> e.getKey().endsWith(".csv")).map(Map.Entry::getValue))
                .hasSize(4).containsOnly("rw-r-----");
    }

    /** The config with {@code extra} is a usage error whose one log line is {@code message} after the file and line. */
    private void assertRefused(String extra, String message) throws Exception {
        String key = extra.substring(0, extra.indexOf(':'));
        writeConfig(extra);
        StringWriter err = new StringWriter();

        assertThat(export(err)).isEqualTo(2);
        assertThat(err.toString()).startsWith(OutputSafetyTest.EXPORT_STAMP + config + ":6:1: at '" + key + "': " + message
                + System.lineSeparator());
        assertThat(dir.resolve("share")).doesNotExist();
    }

    @Test
    void anUnquotedModeIsRefusedWithItsLine() throws Exception {
        assertRefused("file_mode: 0640\n", "write 'file_mode' in quotes, e.g. file_mode: \"0640\"");
    }

    @Test
    void aModeThatIsNotOctalIsRefused() throws Exception {
        assertRefused("dir_mode: \"rwxr-x---\"\n", "'rwxr-x---' is not a file mode; write three octal digits such as \"0640\"");
    }

    @Test
    void aModeThatLocksOutTheOwnerIsRefused() throws Exception {
        assertRefused("file_mode: \"0440\"\n", "0440 takes from the owner what the export needs"
                + " (6 in the first digit, e.g. \"0640\")");
    }
}
