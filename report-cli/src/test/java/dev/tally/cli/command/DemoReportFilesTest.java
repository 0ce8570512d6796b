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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's two-thread write gives the files, the order and the bytes of one writer writing them all. */
class DemoReportFilesTest {
    @TempDir
    Path tmp;

    @Test
    void sameFilesInTheSameOrderWithTheSameBytesAsOneWriter() throws Exception {
        ReportInput input = ReportInput.load(DemoSnapshot.get());
        ReportJob job = new ReportJob(TemplateLoader.builtIn("monthly-consortium"), Period.month(YearMonth.of(2026, 10)),
                OutputFormat.REPORT, Entitlements.NONE, null, false);
        Report report = job.compute(input);
        List<Path> one = new ReportWriter(AtomicFiles.DIRECT, false, null).write(report, job.formats(), tmp.resolve("one"));
        List<Path> two = DemoReportFiles.write(new ReportWriter(AtomicFiles.DIRECT, false, null), report, job.formats(),
                tmp.resolve("two"));

        assertThat(two.stream().map(p -> p.getFileName().toString()).toList())
                .isEqualTo(one.stream().map(p -> p.getFileName().toString()).toList());
        assertThat(one).hasSize(24);
        for (int i = 0; i < one.size(); i++) {
            assertThat(Files.readAllBytes(two.get(i))).as(two.get(i).toString()).isEqualTo(Files.readAllBytes(one.get(i)));
        }
    }
}
