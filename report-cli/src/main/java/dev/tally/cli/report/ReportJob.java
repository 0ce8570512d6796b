package dev.tally.cli.report;

import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.Wording;
import dev.tally.cli.template.ReportTemplate;
import dev.tally.core.query.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.tally.core.table.ResultTable;

/**
 * One report to produce: a template over a period in some formats, costs shown in {@code currency}.
 * Shared by {@code tally report}, {@code tally export} and the demo, so all three write the same files.
 *
 * @param entitlementsSource where the entitlements came from (for provenance), or null
 * @param dataSheet whether the workbook ends with a Data sheet (a template can ask for one too)
 * @param exactCsv CSV money at full precision rather than to the cent
 */
public record ReportJob(ReportTemplate template, Period period, Set<OutputFormat> formats, Entitlements entitlements,
        String entitlementsSource, boolean excelBom, Wording wording, boolean dataSheet, boolean exactCsv) {
    public ReportJob {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(period, "period");
        formats = Set.copyOf(formats);
        entitlements = entitlements == null ? Entitlements.NONE : entitlements;
        wording = wording == null ? Wording.DEFAULT : wording;
    }

    /** A job without a Data sheet (unless its template asks for one), CSV money rounded to the cent. */
    public ReportJob(ReportTemplate template, Period period, Set<OutputFormat> formats, Entitlements entitlements,
            String entitlementsSource, boolean excelBom, Wording wording) {
        this(template, period, formats, entitlements, entitlementsSource, excelBom, wording, false, false);
    }

    /** A job whose costs are in {@link Wording#DEFAULT_CURRENCY}. */
    public ReportJob(ReportTemplate template, Period period, Set<OutputFormat> formats, Entitlements entitlements,
            String entitlementsSource, boolean excelBom) {
        this(template, period, formats, entitlements, entitlementsSource, excelBom, Wording.DEFAULT);
    }

    /**
     * Runs every section on the input's dataset. A period past the data's date is cut there, with a
     * note on the cover; one that starts after it is an {@code IllegalArgumentException} ({@link AsOfPeriod}).
     */
    public Report compute(ReportInput input) {
        AsOfPeriod asOf = AsOfPeriod.of(period, input.dataset().asOf());
        Period p = asOf.period();
        Map<String, String> provenance = Provenance.of(input.snapshot(), template.name(), p.label());
        provenance.put("Period days", p.from() + " to " + p.to() + " (UTC, both included)");
        provenance.put("Template source", sourceName(template.source()));
        if (entitlementsSource != null) {
            provenance.put("Entitlements", "file " + fileName(entitlementsSource));
        }
        // "Data-quality findings" comes next: the runner adds it when it has checked them, beside the first sections
        boolean ledger = template.sections().stream().anyMatch(s -> s.kind() == dev.tally.cli.template.SectionKind.LEDGER
                || s.kind() == dev.tally.cli.template.SectionKind.LEDGER_TREND);
        Map<String, java.time.LocalDate> endDates = ledger ? dev.tally.cli.source.EndDates.of(input.snapshot()) : Map.of();
        return new ReportRunner(input.dataset(), input::findings, entitlements, endDates).run(template, p, provenance,
                input.snapshot().manifest().startedAt(), asOf.notes());
    }

    /**
     * The same, with a "Restated" section of the figures of closed months that changed since {@code previous}
     * (docs/reports.md, "Restated"); without a previous snapshot (null) the report is as {@link #compute(ReportInput)} gives it.
     */
    public Report compute(ReportInput input, ReportInput previous) {
        Report report = compute(input);
        return previous == null ? report : RestatedSection.addTo(report, previous, input);
    }

    /** "built-in template monthly-consortium", or a user template's file name: never a local path. */
    private static String sourceName(String source) {
        if (source == null) {
            return "unknown";
        }
        return source.startsWith("templates/") ? "built-in template " + source.substring("templates/".length()).replaceAll("\\.yaml$", "")
                : "file " + fileName(source);
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    /** Computes and writes the report into {@code dir} through {@code files}; returns the files written. */
    public List<Path> write(ReportInput input, AtomicFiles files, Path dir, ReportWriter.Listener listener) throws IOException {
        return write(input, null, files, dir, listener);
    }

    /** The same, with the Restated section when {@code previous} is not null. */
    public List<Path> write(ReportInput input, ReportInput previous, AtomicFiles files, Path dir, ReportWriter.Listener listener)
            throws IOException {
        Report report = compute(input, previous);
        ResultTable data = dataSheet || template.dataSheet() ? DataSheet.table(input.dataset(), report.period(), "") : null;
        return new ReportWriter(files, excelBom, listener, wording).exactCsv(exactCsv).write(report, formats, dir, data);
    }
}
