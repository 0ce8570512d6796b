package dev.tally.cli.report;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.ChartRenderer;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.Wording;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.template.ChartSpec;
import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Writes a computed report in the chosen formats into one directory: {@code BASE.xlsx} (a sheet per
 * section, native charts, provenance, document properties), {@code BASE-SECTION.csv} per section,
 * and {@code BASE-CHART.png} / {@code .svg} per chart, where BASE is template and period
 * (docs/reports.md). Each file is written beside its target and renamed into place
 * ({@link AtomicFiles}), so a re-run replaces files in place.
 */
public final class ReportWriter {
    /** Called after each file, for progress display. */
    @FunctionalInterface
    public interface Listener {
        void written(Path file);
    }

    private final AtomicFiles files;
    private final boolean excelBom;
    private final Listener listener;
    private final Wording wording;
    private boolean exactCsv;

    public ReportWriter(AtomicFiles files, boolean excelBom, Listener listener) {
        this(files, excelBom, listener, Wording.DEFAULT);
    }

    /** A writer whose workbooks and charts use {@code wording} (the currency) for their headers. */
    public ReportWriter(AtomicFiles files, boolean excelBom, Listener listener, Wording wording) {
        this.files = files;
        this.excelBom = excelBom;
        this.listener = listener == null ? f -> { } : listener;
        this.wording = java.util.Objects.requireNonNull(wording, "wording");
    }

    /** CSV money at full precision ({@code --exact}) rather than to the cent; returns this writer. */
    public ReportWriter exactCsv(boolean exact) {
        this.exactCsv = exact;
        return this;
    }

    /** Writes the files and returns them in a stable order: xlsx, csv per section, png and svg per chart. */
    public List<Path> write(Report report, Set<OutputFormat> formats, Path dir) throws IOException {
        return write(report, formats, dir, null);
    }

    /**
     * The same, the workbook ending with a {@code Data} sheet of {@code data} when it is not null
     * (docs/reports.md, "The Data sheet"); the other files are unchanged.
     */
    public List<Path> write(Report report, Set<OutputFormat> formats, Path dir, ResultTable data) throws IOException {
        return withUnits(report.measuredUnits()).writeAll(report, formats, dir, data);
    }

    private ReportWriter withUnits(Map<String, String> units) {
        return units.isEmpty() ? this : new ReportWriter(files, excelBom, listener, wording.withMeasuredUnits(units)).exactCsv(exactCsv);
    }

    /**
     * The workbook on a thread of its own while this one writes the CSVs and charts, when both are asked for: they are
     * independent files of one computed report, and the workbook alone is about half of the writing (BENCHMARKS.md,
     * "Monthly report at scale 20: memory"). Each file is still written atomically, with the bytes one thread writing
     * them all would write, and the list is in {@link #write}'s order; the listener hears of each file as it is done,
     * from either thread, one at a time. The workbook is finished (or has failed) before this returns or throws.
     */
    private List<Path> writeAll(Report report, Set<OutputFormat> formats, Path dir, ResultTable data) throws IOException {
        if (!formats.contains(OutputFormat.XLSX) || formats.size() == 1) {
            return writeEach(report, formats, dir, data);
        }
        Set<OutputFormat> rest = EnumSet.copyOf(formats);
        rest.remove(OutputFormat.XLSX);
        ReportWriter shared = new ReportWriter(files, excelBom, synchronizedListener(listener), wording).exactCsv(exactCsv);
        SecondThread<List<Path>> workbook = SecondThread.start("tally-workbook",
                () -> shared.writeEach(report, EnumSet.of(OutputFormat.XLSX), dir, data));
        List<Path> others;
        try {
            others = shared.writeEach(report, rest, dir, data);
        } finally {
            workbook.awaitQuietly();
        }
        List<Path> all = new ArrayList<>(workbook.result());
        all.addAll(others);
        return all;
    }

    private static Listener synchronizedListener(Listener listener) {
        Object lock = new Object();
        return file -> {
            synchronized (lock) {
                listener.written(file);
            }
        };
    }

    private List<Path> writeEach(Report report, Set<OutputFormat> formats, Path dir, ResultTable data) throws IOException {
        String base = report.baseName();
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.XLSX)) {
            List<XlsxRenderer.SheetSpec> sheets = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            for (SectionResult s : report.sections()) {
                sheets.add(new XlsxRenderer.SheetSpec(forPeople(s), charts(s), s.spec().title(), s.lead()));
                columns.addAll(s.table().columns());
            }
            if (data != null) {
                sheets.add(new XlsxRenderer.SheetSpec(wording.forPeople(data, null), List.of(), DataSheet.TITLE));
            }
            Map<String, String> p = report.provenance();
            Path xlsx = dir.resolve(base + ".xlsx");
            XlsxRenderer.DocumentProperties properties = new XlsxRenderer.DocumentProperties(report.template().title() + ", "
                    + report.period().label(), report.period().label(), report.template().description(),
                    "tally " + report.template().name(), p, report.dataAsOf());
            XlsxRenderer.Cover cover = new XlsxRenderer.Cover(report.template().title(), periodText(report), report.notes(),
                    wording.units(columns));
            files.write(xlsx, out -> new XlsxRenderer().write(sheets, properties, cover, out));
            done(written, xlsx);
        }
        if (formats.contains(OutputFormat.CSV)) {
            CsvRenderer csv = new CsvRenderer(excelBom, exactCsv);
            for (SectionResult s : report.sections()) {
                Path file = dir.resolve(base + "-" + s.spec().name() + ".csv");
                files.write(file, out -> csv.render(s.table(), out));
                done(written, file);
            }
        }
        if (formats.contains(OutputFormat.PNG) || formats.contains(OutputFormat.SVG)) {
            ChartRenderer charts = new ChartRenderer();
            for (SectionResult s : report.sections()) {
                for (ChartSpec c : charts(s)) {
                    JFreeChart chart = charts.chart(forPeople(s), c);
                    if (formats.contains(OutputFormat.PNG)) {
                        Path png = dir.resolve(base + "-" + c.name() + ".png");
                        files.write(png, out -> charts.writePng(chart, out));
                        done(written, png);
                    }
                    if (formats.contains(OutputFormat.SVG)) {
                        Path svg = dir.resolve(base + "-" + c.name() + ".svg");
                        files.write(svg, out -> charts.writeSvg(chart, out));
                        done(written, svg);
                    }
                }
            }
        }
        return written;
    }

    /** The section's charts, an unknown component's axis named by its measured unit ({@link Wording#withAxis}). */
    private List<ChartSpec> charts(SectionResult s) {
        return s.charts().stream().map(wording::withAxis).toList();
    }

    /** The section's table with headers and option values for people; CSV keeps the keys and values. */
    private ResultTable forPeople(SectionResult s) {
        return wording.forPeople(s.table(), s.spec().pivot());
    }

    /** "2026-10 (2026-10-01 to 2026-10-31)": the label and the days it covers. */
    private static String periodText(Report report) {
        return report.period().label() + " (" + report.period().from() + " to " + report.period().to() + ")";
    }

    private void done(List<Path> written, Path file) {
        written.add(file);
        listener.written(file);
    }
}
