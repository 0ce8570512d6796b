package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tally report} killed while writing a file leaves that file's temporary copy beside it
 * ({@code .NAME.<digits>.tmp}); the next report that writes the file removes it, and nothing else
 * (docs/reliability.md, "Crash leftovers").
 */
class ReportLeftoversTest {
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextReportRemovesTheTemporaryFileAKilledOneLeftAndKeepsEverythingElse(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("reports"));
        Files.writeString(out.resolve(".ai-tech-breakdown-2026-10.xlsx.8812345.tmp"), "half a workbook");
        Files.writeString(out.resolve(".ai-tech-breakdown-2026-10.xlsx.mine.tmp"), "not a name Tally makes");
        Files.writeString(out.resolve(".notes.txt.1.tmp"), "another file's");
        Files.writeString(out.resolve("notes.txt"), "someone's notes");

        CliRun run = CliRun.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template", "ai-tech-breakdown",
                "--month", "2026-10", "--format", "xlsx", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly(".ai-tech-breakdown-2026-10.xlsx.mine.tmp", ".notes.txt.1.tmp",
                "ai-tech-breakdown-2026-10.xlsx", "notes.txt");
        assertThat(out.resolve("notes.txt")).hasContent("someone's notes");
    }
}
