package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tally completion} and the distribution's {@code completion/tally.bash} (src/dist/completion, which the
 * tarball ships): the file is exactly what the command prints for the commands of this build (regenerate it
 * with {@code -Dtally.updateGolden=true} after adding an option or command), and bash, the machine's own (the
 * build machine and CI have it, like the launchers), registers it for {@code tally} and completes commands,
 * subcommands and options with it.
 */
class CompletionCommandTest {
    private static final Path BASH = Path.of("/bin/bash");
    private static final Path SHIPPED = Path.of("src", "dist", "completion", "tally.bash");

    @TempDir
    static Path dir;
    static Path script;

    @BeforeAll
    static void generate() throws IOException {
        CliRun run = CliRun.of("completion");
        assertThat(run.code()).as(run.err()).isZero();
        Path generated = Files.writeString(dir.resolve("tally.bash"), run.out());
        if (Boolean.getBoolean("tally.updateGolden")) {
            Files.copy(generated, SHIPPED, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        script = SHIPPED.toAbsolutePath();
    }

    @Test
    void theDistributionsScriptIsWhatTallyCompletionPrints() throws IOException {
        assertThat(Files.readString(SHIPPED)).as("%s (regenerate with -Dtally.updateGolden=true)", SHIPPED)
                .isEqualTo(Files.readString(dir.resolve("tally.bash")));
    }

    /** What bash completes after {@code words}, the last one being completed, one candidate a line. */
    private static List<String> complete(String... words) throws Exception {
        String line = String.join(" ", words);
        // compopt works only while bash itself runs a completion; called by hand, the function's use of it is a no-op
        String program = "source '" + script + "'\ncompopt() { :; }\n"
                + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "\n_complete_tally\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return bash(program);
    }

    private static List<String> bash(String program) throws Exception {
        Process p = new ProcessBuilder(BASH.toString(), "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertThat(p.exitValue()).as(String.join("\n", out)).isZero();
        return out;
    }

    @Test
    void theScriptRegistersItselfForTally() throws Exception {
        assertThat(bash("source '" + script + "'\ncomplete -p tally")).containsExactly("complete -o default -F _complete_tally tally");
    }

    @Test
    void completesSubcommands() throws Exception {
        assertThat(complete("tally", "re")).containsExactlyInAnyOrder("reconcile", "report", "resources");
        assertThat(complete("tally", "")).contains("completion", "demo", "diff", "export", "harvest", "ledger", "query",
                "reconcile", "report", "serve");
    }

    @Test
    void completesTheOptionsOfACommand() throws Exception {
        assertThat(complete("tally", "reconcile", "--fail")).containsExactly("--fail-on-differences");
        assertThat(complete("tally", "report", "--form")).containsExactly("--format");
    }
}
