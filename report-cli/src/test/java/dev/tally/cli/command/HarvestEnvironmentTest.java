package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally harvest} with the token and URL from the environment ({@code WALDUR_TOKEN},
 * {@code WALDUR_URL}), in a child JVM because a test cannot change its own environment.
 */
class HarvestEnvironmentTest {
    @TempDir
    Path dir;

    private Process harvest(Emulator emulator, String token) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.tally.cli.Main", "harvest", "--out", dir.resolve("snap").toString(), "--collections", "customers,offerings")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        pb.environment().put("WALDUR_URL", emulator.baseUrl() + "api/");
        pb.environment().put("WALDUR_TOKEN", token);
        return pb.start();
    }

    @Test
    void readsTokenAndUrlFromTheEnvironmentAndNeverPrintsTheToken() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Process p = harvest(emulator, emulator.staffToken());

            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(dir.resolve("child.log"));
            assertThat(p.exitValue()).as(log).isZero();
            assertThat(log).contains("customers").contains("offerings").doesNotContain(emulator.staffToken());
            assertThat(Files.readString(dir.resolve("snap/manifest.json"))).doesNotContain(emulator.staffToken());
        }
    }

    @Test
    void aWrongTokenFromTheEnvironmentIsAOneLine401WithoutTheToken() throws Exception {
        String wrong = "0123456789abcdef0123456789abcdef01234567";
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Process p = harvest(emulator, wrong);

            assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
            List<String> lines = Files.readAllLines(dir.resolve("child.log"));
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("401").contains("Invalid token.").doesNotContain(wrong);
            assertThat(dir.resolve("snap")).doesNotExist();
        }
    }
}
