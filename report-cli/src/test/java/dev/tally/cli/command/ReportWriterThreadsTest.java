package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.Report;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.report.ReportJob;
import dev.tally.cli.report.ReportWriter;
import dev.tally.cli.template.TemplateLoader;
import dev.tally.core.query.Period;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report writer's two-thread write (the workbook beside the CSVs and charts) gives the files and the bytes of
 * writing each format alone, in the writer's order: xlsx, csv per section, png and svg per chart.
 */
class ReportWriterThreadsTest {
    @TempDir
    Path tmp;

    @Test
    void sameFilesWithTheSameBytesAsEachFormatAloneInTheWritersOrder() throws Exception {
        ReportInput input = ReportInput.load(DemoSnapshot.get());
        ReportJob job = new ReportJob(TemplateLoader.builtIn("monthly-consortium"), Period.month(YearMonth.of(2026, 10)),
                OutputFormat.REPORT, Entitlements.NONE, null, false);
        Report report = job.compute(input);
        Map<String, Path> alone = new HashMap<>();
        for (OutputFormat f : job.formats()) {
            for (Path p : new ReportWriter(AtomicFiles.DIRECT, false, null).write(report, Set.of(f), tmp.resolve("one"))) {
                alone.put(p.getFileName().toString(), p);
            }
        }
        List<Path> together = new ReportWriter(AtomicFiles.DIRECT, false, null).write(report, job.formats(), tmp.resolve("two"));

        List<String> names = together.stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).hasSize(24).containsExactlyInAnyOrderElementsOf(alone.keySet());
        assertThat(names.get(0)).endsWith(".xlsx");
        assertThat(names.subList(1, 12)).allMatch(n -> n.endsWith(".csv"));
        for (int i = 12; i < 24; i += 2) {
            assertThat(names.get(i)).endsWith(".png");
            assertThat(names.get(i + 1)).isEqualTo(names.get(i).replaceAll("\\.png$", ".svg"));
        }
        for (Path p : together) {
            String name = p.getFileName().toString();
            assertThat(Files.readAllBytes(p)).as(name).isEqualTo(Files.readAllBytes(alone.get(name)));
        }
    }
}
