package dev.tally.cli.report;

import dev.tally.cli.render.ChartRenderer;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.core.aggregate.Aggregator;
import dev.tally.core.aggregate.MonthlySummary;
import dev.tally.core.aggregate.SummaryTables;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monthly report: a summary per country share and a project detail, written as one workbook,
 * one CSV per table and a PNG chart of cost per share. File names carry the month, so a month's
 * files are replaced in place when the report is run again.
 */
public final class MonthlyReport {
    private final MonthlySummary summary;
    private final ResultTable shares;
    private final ResultTable projects;

    private MonthlyReport(MonthlySummary summary) {
        this.summary = summary;
        this.shares = SummaryTables.shares(summary);
        this.projects = SummaryTables.projects(summary);
    }

    public static MonthlyReport of(List<AllocationFact> facts, YearMonth month) {
        return new MonthlyReport(Aggregator.summarise(facts, month));
    }

    public MonthlySummary summary() {
        return summary;
    }

    public ResultTable sharesTable() {
        return shares;
    }

    public ResultTable projectsTable() {
        return projects;
    }

    /** Writes every format into {@code dir} and returns the files written, in a stable order. */
    public List<Path> writeAll(Path dir, Map<String, String> provenance) throws IOException {
        String base = "monthly-" + summary.month();
        List<Path> written = new ArrayList<>();
        Path xlsx = dir.resolve(base + ".xlsx");
        new XlsxRenderer().write(List.of(shares, projects), provenance, xlsx);
        written.add(xlsx);
        CsvRenderer csv = new CsvRenderer(false);
        for (ResultTable t : List.of(shares, projects)) {
            Path file = dir.resolve(base + "-" + t.name() + ".csv");
            csv.write(t, file);
            written.add(file);
        }
        Path png = dir.resolve(base + "-cost-by-share.png");
        new ChartRenderer().barPng(shares, "country_share", "cost", "Monthly cost by country share, " + summary.month(),
                "Cost (EUR)", png);
        written.add(png);
        return written;
    }
}
