package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The help is the first manual users read: every command gets a whole sentence and nothing is cut mid-line. */
class HelpTest {
    @Test
    void commandListGivesEachCommandACompleteSummary() {
        CliRun run = CliRun.of("--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains(
                "  demo        Run the whole pipeline on a local emulator and write a sample monthly report.",
                "  harvest     Copy Waldur collections (offerings, orders, resources, usages, ...) into a verified snapshot.",
                "  report      Render a report template over a snapshot as Excel, CSV, PNG and SVG files.",
                "  export      Harvest, render and publish a month's reports in one unattended run (cron).",
                "  emulator    Run a local Waldur-compatible API with a generated LUMI dataset.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "harvest", "report", "query", "export", "emulator", "dry-run"})
    void everyPipelineCommandTeachesWithAnExample(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).containsAnyOf("Example", "Afterwards, try:");
        List<String> lines = Arrays.asList(run.out().split("\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }
}
