package dev.tally.cli.report;

import dev.tally.cli.render.ChartRenderer;
import dev.tally.cli.render.ChartSpec;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.XlsxRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Writes a computed report in the chosen formats into one directory: {@code BASE.xlsx} (a sheet per
 * section, native charts, provenance, document properties), {@code BASE-SECTION.csv} per section,
 * and {@code BASE-CHART.png} / {@code .svg} per chart, where BASE is template and period. Each file is
 * written beside its target and renamed into place, so a re-run replaces files in place.
 */
public final class ReportWriter {
    /** Called after each file, for progress display. */
    @FunctionalInterface
    public interface Listener {
        void written(Path file);
    }

    private final boolean excelBom;
    private final Listener listener;

    public ReportWriter(boolean excelBom, Listener listener) {
        this.excelBom = excelBom;
        this.listener = listener == null ? f -> { } : listener;
    }

    /** Writes the files and returns them in a stable order: xlsx, csv per section, png and svg per chart. */
    public List<Path> write(Report report, Set<Format> formats, Path dir) throws IOException {
        String base = report.baseName();
        List<Path> written = new ArrayList<>();
        if (formats.contains(Format.XLSX)) {
            List<XlsxRenderer.SheetSpec> sheets = new ArrayList<>();
            report.sections().forEach(s -> sheets.add(new XlsxRenderer.SheetSpec(s.table(), s.charts())));
            Map<String, String> p = report.provenance();
            Path xlsx = dir.resolve(base + ".xlsx");
            new XlsxRenderer().write(sheets, new XlsxRenderer.DocumentProperties(report.template().title() + ", "
                    + report.period().label(), report.period().label(), report.template().description(),
                    "tally " + report.template().name(), p), xlsx);
            done(written, xlsx);
        }
        if (formats.contains(Format.CSV)) {
            CsvRenderer csv = new CsvRenderer(excelBom);
            for (SectionResult s : report.sections()) {
                Path file = dir.resolve(base + "-" + s.spec().name() + ".csv");
                csv.write(s.table(), file);
                done(written, file);
            }
        }
        if (formats.contains(Format.PNG) || formats.contains(Format.SVG)) {
            ChartRenderer charts = new ChartRenderer();
            for (SectionResult s : report.sections()) {
                for (ChartSpec c : s.charts()) {
                    JFreeChart chart = charts.chart(s.table(), c);
                    if (formats.contains(Format.PNG)) {
                        Path png = dir.resolve(base + "-" + c.name() + ".png");
                        charts.writePng(chart, png);
                        done(written, png);
                    }
                    if (formats.contains(Format.SVG)) {
                        Path svg = dir.resolve(base + "-" + c.name() + ".svg");
                        charts.writeSvg(chart, svg);
                        done(written, svg);
                    }
                }
            }
        }
        return written;
    }

    private void done(List<Path> written, Path file) {
        written.add(file);
        listener.written(file);
    }
}
