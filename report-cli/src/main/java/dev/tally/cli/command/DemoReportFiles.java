package dev.tally.cli.command;

import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.report.Report;
import dev.tally.cli.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The demo's report files, the workbook on a second thread while this one writes the CSVs and charts: the two
 * are independent files of the same computed report, and writing the workbook alone was most of the demo's
 * report phase on one core of two (BENCHMARKS.md, "The demo end to end"). Each file is still written atomically by
 * the {@link ReportWriter}, so the bytes are those of one writer writing them all; the list is in the writer's
 * order (xlsx, csv per section, png and svg per chart).
 */
final class DemoReportFiles {
    private DemoReportFiles() {
    }

    static List<Path> write(ReportWriter writer, Report report, Set<OutputFormat> formats, Path dir) throws IOException {
        if (!formats.contains(OutputFormat.XLSX) || formats.size() == 1) {
            return writer.write(report, formats, dir);
        }
        Set<OutputFormat> rest = EnumSet.copyOf(formats);
        rest.remove(OutputFormat.XLSX);
        CompletableFuture<List<Path>> workbook = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                workbook.complete(writer.write(report, EnumSet.of(OutputFormat.XLSX), dir));
            } catch (Throwable e) {
                workbook.completeExceptionally(e);
            }
        }, "tally-demo-workbook");
        thread.setDaemon(true);
        thread.start();
        List<Path> others;
        try {
            others = writer.write(report, rest, dir);
        } finally {
            // the workbook is finished (or has failed) before this returns or throws, so no file is left half-written
            joinQuietly(workbook);
        }
        List<Path> all = new ArrayList<>(join(workbook));
        all.addAll(others);
        return all;
    }

    private static void joinQuietly(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            // reported by join below, or superseded by the exception already thrown
        }
    }

    private static List<Path> join(CompletableFuture<List<Path>> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
