package dev.tally.cli.report;

import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.ReportTemplate;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.SectionSpec;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import dev.tally.core.query.QueryException;
import dev.tally.core.quality.Finding;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Runs a template: picks what each section is (a query, shaped by {@link QuerySection}; the findings; provenance; the
 * ledger) and resolves its charts. Sections only read the dataset, so they are computed on two threads where the
 * machine has two cores, and put in the template's order (docs/reports.md, "Speed"). The data-quality findings are
 * checked there too, beside the first sections: only the findings and provenance sections wait for them.
 */
final class ReportRunner {
    /** At most this many sections at once: each query section is one pass over the dataset. */
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** The provenance field that holds how many data-quality findings there are. */
    static final String FINDINGS_COUNT = "Data-quality findings";

    private final Dataset dataset;
    private final Supplier<List<Finding>> findingsSource;
    /** The findings being checked, from {@link #run} on. */
    private FutureTask<List<Finding>> findings;
    private final Entitlements entitlements;
    private final QuerySection queries;

    private final Map<String, java.time.LocalDate> endDates;
    private Instant dataAsOf;
    private dev.tally.core.ledger.Ledger ledger;

    /**
     * A runner whose findings come from {@code findings} (called once per {@link #run}, which adds their count to the
     * provenance as {@value #FINDINGS_COUNT}), with the resources' scheduled
     * end dates, which ledger sections need ({@code cli.source.EndDates}).
     */
    ReportRunner(Dataset dataset, Supplier<List<Finding>> findings, Entitlements entitlements,
            Map<String, java.time.LocalDate> endDates) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.findingsSource = Objects.requireNonNull(findings, "findings");
        this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
        this.endDates = Map.copyOf(endDates);
        this.queries = new QuerySection(dataset, entitlements);
    }

    /**
     * Runs every section of {@code template} over {@code period}, on data as of {@code dataAsOf};
     * {@code notes} (about the period) go on the report's cover.
     */
    public Report run(ReportTemplate template, Period period, Map<String, String> provenance, Instant dataAsOf,
            List<String> notes) {
        this.dataAsOf = dataAsOf;
        List<SectionSpec> sections = template.sections();
        List<SectionResult> out = new ArrayList<>();
        // set before any section starts; the count is in provenance before a waiting section (provenance) reads it
        findings = new FutureTask<>(() -> {
            List<Finding> checked = List.copyOf(findingsSource.get());
            provenance.put(FINDINGS_COUNT, Integer.toString(checked.size()));
            return checked;
        });
        if (THREADS == 1 || sections.size() < 2) {
            findings.run();
            for (SectionSpec s : sections) {
                out.add(inTemplate(template, s, period, provenance));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS, ReportRunner::daemon);
            try {
                // first in the queue, so a section waiting for the findings only ever waits for a running check
                pool.execute(findings);
                List<Future<SectionResult>> pending = new ArrayList<>();
                for (SectionSpec s : sections) {
                    pending.add(pool.submit(() -> inTemplate(template, s, period, provenance)));
                }
                findings();
                // joined in the template's order, so the first failing section is the one reported
                for (Future<SectionResult> f : pending) {
                    out.add(result(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // a component Tally has no words for is labelled with the offerings' measured unit (docs/reports.md)
        return new Report(template, period, out, provenance, dataAsOf, notes, dataset.componentUnits());
    }

    private SectionResult inTemplate(ReportTemplate template, SectionSpec s, Period period, Map<String, String> provenance) {
        try {
            return section(s, period, provenance);
        } catch (QueryException e) {
            // a query only the data can refuse (a component the data lacks) is still the template's error
            throw new TemplateException(template.source() + ": section '" + s.name() + "': " + e.getMessage());
        }
    }

    /** The findings, once {@link #run} has checked them (a section waits for that here). */
    private List<Finding> findings() {
        return result(findings);
    }

    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (ExecutionException e) {
            // the section's own exception (a TemplateException, an OutOfMemoryError), not the wrapper
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new CompletionException(e.getCause());
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "tally-section");
        t.setDaemon(true);
        return t;
    }

    SectionResult section(SectionSpec s, Period report, Map<String, String> provenance) {
        ResultTable table = switch (s.kind()) {
            case FINDINGS -> findingsTable(s);
            case PROVENANCE -> {
                findings(); // the count is in provenance once they are checked
                yield provenanceTable(s, provenance);
            }
            case LEDGER -> named(s, LedgerTables.balances(s.name(), ledger(), LedgerTables.Grouping.COUNTRY, entitlements));
            case LEDGER_TREND -> LedgerTables.points(s.name(), s.title() + ", as of " + ledger().lastDay(), ledger().total(),
                    ledger().components());
            case QUERY -> queries.table(s, report);
            case RESTATED -> throw new IllegalStateException("a restated section needs two snapshots (RestatedSection)");
        };
        String periodLabel = s.kind() == dev.tally.cli.template.SectionKind.QUERY ? s.query().period().resolve(report).label()
                : report.label();
        ResultTable lead = s.kind() == dev.tally.cli.template.SectionKind.FINDINGS ? FindingsTables.counts(s.name(), findings()) : null;
        return new SectionResult(s, table, charts(s, table, periodLabel), lead);
    }

    /**
     * The limits ledger on the data's date, whatever the report's period (docs/definitions.md, "Limits ledger"),
     * computed once for all ledger sections.
     */
    private synchronized dev.tally.core.ledger.Ledger ledger() {
        if (ledger == null) {
            ledger = new dev.tally.core.ledger.LedgerBuilder(dataset, dataAsOf, endDates).build(i -> true);
        }
        return ledger;
    }

    private static ResultTable named(SectionSpec s, ResultTable t) {
        return new ResultTable(s.name(), s.title() + ", as of " + t.title().substring(t.title().lastIndexOf(' ') + 1),
                t.columns(), t.rows(), t.totals(), t.notes(), t.rowKinds());
    }

    private ResultTable findingsTable(SectionSpec s) {
        return FindingsTables.list(s.name(), s.title(), findings(), dataset);
    }

    private static ResultTable provenanceTable(SectionSpec s, Map<String, String> provenance) {
        List<Column> columns = List.of(new Column("field", "Field", ColumnType.TEXT), new Column("value", "Value", ColumnType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        provenance.forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v)));
        return new ResultTable(s.name(), s.title(), columns, rows, null, List.of());
    }

    /**
     * Resolves {@code measure@*} series to the pivoted columns and drops series whose column is absent;
     * each title names the period the chart covers ({@code periodLabel}).
     */
    static List<ChartSpec> charts(SectionSpec s, ResultTable table, String periodLabel) {
        List<ChartSpec> out = new ArrayList<>();
        for (ChartSpec c : s.charts()) {
            List<String> series = new ArrayList<>();
            for (String key : c.series()) {
                if (key.endsWith("@*")) {
                    String prefix = key.substring(0, key.length() - 1);
                    table.columns().stream().map(Column::key).filter(k -> k.startsWith(prefix)).forEach(series::add);
                } else if (table.columns().stream().anyMatch(col -> col.key().equals(key))) {
                    series.add(key);
                }
            }
            if (!series.isEmpty()) {
                out.add(new ChartSpec(c.name(), c.type(), c.title() + ", " + periodLabel, c.category(), series, c.axis()));
            }
        }
        return out;
    }
}
