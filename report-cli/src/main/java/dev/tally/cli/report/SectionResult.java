package dev.tally.cli.report;

import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.SectionSpec;
import dev.tally.core.table.ResultTable;
import java.util.List;
import java.util.Objects;

/**
 * One computed section: its definition, its table and its charts with every series resolved to a
 * column, and a lead table shown above it in the workbook (the count per kind of finding), or null.
 */
public record SectionResult(SectionSpec spec, ResultTable table, List<ChartSpec> charts, ResultTable lead) {
    public SectionResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(table, "table");
        charts = List.copyOf(charts);
    }

    /** A section with no lead table. */
    public SectionResult(SectionSpec spec, ResultTable table, List<ChartSpec> charts) {
        this(spec, table, charts, null);
    }
}
