package dev.tally.cli.report.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.cli.render.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history keeps one line per run, and the latest pointer names folders relative to the root. */
class RunHistoryTest {
    private static final Instant WHEN = Instant.parse("2026-11-02T06:00:00Z");

    @Test
    void aHandEditedHistoryWithoutItsLastNewlineStillGetsWholeLines(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve(RunHistory.FILE), "# kept by ops");

        new RunHistory(root, AtomicFiles.DIRECT).append(new RunHistory.Entry(WHEN, YearMonth.of(2026, 10),
                List.of("monthly consortium", "ai-tech-breakdown"), 12, RunHistory.Result.PUBLISHED, 0));

        assertThat(Files.readString(root.resolve(RunHistory.FILE))).isEqualTo("# kept by ops\n"
                + "2026-11-02T06:00:00Z month=2026-10 templates=monthly_consortium,ai-tech-breakdown files=12 result=published exit=0\n");
    }

    @Test
    void aFolderInThePlaceOfTheHistoryIsRefused(@TempDir Path root) throws Exception {
        Files.createDirectory(root.resolve(RunHistory.FILE));

        assertThatThrownBy(() -> new RunHistory(root, AtomicFiles.DIRECT).append(new RunHistory.Entry(WHEN,
                YearMonth.of(2026, 10), List.of("a"), 1, RunHistory.Result.PUBLISHED, 0)))
                .hasMessage("refusing to publish over " + root.resolve(RunHistory.FILE)
                        + ": it is a folder, not a file an export wrote; move it away and run again");
    }

    @Test
    void latestNamesEachTemplateFolderOnceRelativeToTheRoot(@TempDir Path root) throws Exception {
        new LatestPointer(root, AtomicFiles.DIRECT).pointTo(List.of(root.resolve("a/2026-10"), root.resolve("b/2026-10"),
                root.resolve("a/2026-10"), root));

        assertThat(Files.readString(root.resolve(LatestPointer.FILE))).isEqualTo("a/2026-10\nb/2026-10\n.\n");
    }
}
