package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.ScriptedChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally export} with {@code history}: each run's snapshot kept, the next run's Restated section and diff file. */
class ExportHistoryTest {
    private static final ScriptedChanges CHANGES = ScriptedChanges.get();

    @TempDir
    Path dir;

    private CliRun export(Path snapshot, String month, String history) throws Exception {
        Path config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "snapshot: " + snapshot,
                "templates: [monthly-consortium]",
                "formats: [csv]",
                "destination: share/{yyyy}/{MM}/",
                "month: " + month,
                history, ""));
        CliRun r = CliRun.of("export", "--config", config.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private List<String> kept(Path store) throws Exception {
        try (Stream<Path> s = Files.list(store)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunKeepsItsSnapshotAndPublishesAsWithoutHistory() throws Exception {
        export(CHANGES.before, "2026-10", "history: {keep: 2}");

        Path month = dir.resolve("share/2026/10");
        assertThat(month.resolve("monthly-consortium-2026-10-restated.csv")).doesNotExist();
        assertThat(month.resolve("snapshot-diff.txt")).doesNotExist();
        List<String> kept = kept(dir.resolve("share/.tally-history"));
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0)).matches("2026-11-01T000000\\.\\d{3}Z");
        assertThat(dir.resolve("share/.tally-history").resolve(kept.get(0)).resolve("manifest.json"))
                .hasSameBinaryContentAs(CHANGES.before.resolve("manifest.json"));
    }

    @Test
    void theNextRunRestatesAgainstTheKeptSnapshotAndWritesTheDiff() throws Exception {
        export(CHANGES.before, "2026-10", "history: {keep: 2}");

        export(CHANGES.after, "2026-11", "history: {keep: 2}");

        Path month = dir.resolve("share/2026/11");
        List<String> restated = Files.readAllLines(month.resolve("monthly-consortium-2026-11-restated.csv"));
        assertThat(restated).anyMatch(l -> l.startsWith("2026-10,allocation,") && l.contains(CHANGES.late.uuid())
                && l.contains(",Usage gpu_k_hours,"));
        String diff = Files.readString(month.resolve("snapshot-diff.txt"));
        assertThat(diff).contains("Limits changed (1):\n  " + CHANGES.cut.name() + " (" + CHANGES.cut.uuid() + "): gpu_k_hours "
                + CHANGES.gpuBefore.toPlainString() + " → " + CHANGES.gpuAfter.toPlainString())
                .contains("  1  Allocations terminated\n").contains("  1  Usage reported late or corrected for closed months\n");
        assertThat(kept(dir.resolve("share/.tally-history"))).hasSize(2);
    }

    @Test
    void retentionRemovesOnlyTallySnapshots() throws Exception {
        Path store = dir.resolve("kept");
        Files.createDirectories(store.resolve("notes"));
        Files.writeString(store.resolve("README"), "our snapshots");
        Files.createDirectories(store.resolve("2020-01-01T000000.000Z"));
        Files.writeString(store.resolve("2020-01-01T000000.000Z/mine.txt"), "not a snapshot");
        String history = "history: {dir: kept, keep: 1}";

        export(CHANGES.before, "2026-10", history);
        export(CHANGES.after, "2026-11", history);

        List<String> kept = kept(store);
        assertThat(kept).hasSize(4).contains("README", "notes", "2020-01-01T000000.000Z");
        assertThat(kept.get(1)).startsWith("2026-12-01T");
        assertThat(store.resolve("2020-01-01T000000.000Z/mine.txt")).hasContent("not a snapshot");
    }

    @Test
    void aBadHistoryKeyIsAConfigErrorNamingTheLine() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, String.join("\n", "snapshot: " + CHANGES.before, "templates: [monthly-consortium]",
                "destination: share/{yyyy}/{MM}/", "history:", "  keep: 0", ""));

        CliRun r = CliRun.of("export", "--config", config.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("2026-11-02T06:00:00Z tally export: " + config
                        + ":5:3: at 'history.keep': 'keep' must be a whole number from 1 to 1000, got '0'");
    }
}
