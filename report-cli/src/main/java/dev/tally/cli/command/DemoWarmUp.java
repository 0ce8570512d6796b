package dev.tally.cli.command;

import dev.tally.cli.render.ChartRenderer;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.ChartType;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A two-row table drawn as every chart type (PNG and SVG) and written as a workbook with a chart, all into
 * nothing, on a daemon thread while the demo's emulator generates its dataset on the other core. The first chart
 * and workbook of a run pay for font and graphics set-up, the XML schema types of the workbook and code compiled
 * for the first time; done here, the report's own files no longer wait for it (BENCHMARKS.md, "The demo end to
 * end"). The renderers keep no state between files, so the report's bytes are those of a run without it; any
 * failure here is ignored, since the report then meets it itself and reports it.
 */
final class DemoWarmUp {
    private DemoWarmUp() {
    }

    /** Starts the warm-up; the returned thread is a daemon, so nothing waits for it. */
    static Thread start() {
        Thread t = new Thread(DemoWarmUp::runQuietly, "tally-demo-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void runQuietly() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            // nothing depends on it: the report renders the same without it
        }
    }

    static void run() throws IOException {
        ResultTable table = new ResultTable("warm-up", "Warm-up",
                List.of(new Column("country", "Country", ColumnType.TEXT), new Column("cost", "Cost", ColumnType.MONEY),
                        new Column("share", "Share", ColumnType.PERCENT)),
                List.of(List.of("Finland", new BigDecimal("1.50"), new BigDecimal("25.0")),
                        List.of("Norway", new BigDecimal("4.50"), new BigDecimal("75.0"))),
                List.of("Total", new BigDecimal("6.00"), new BigDecimal("100.0")), List.of());
        ChartRenderer charts = new ChartRenderer();
        OutputStream nowhere = OutputStream.nullOutputStream();
        for (ChartType type : ChartType.values()) {
            ChartSpec spec = new ChartSpec("warm-up", type, "Warm-up", "country", List.of("cost"), null);
            var chart = charts.chart(table, spec);
            charts.writePng(chart, nowhere);
            charts.writeSvg(chart, nowhere);
        }
        List<ChartSpec> sheetCharts = List.of(new ChartSpec("warm-up", ChartType.BAR, "Warm-up", "country", List.of("cost"), null));
        new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(table, sheetCharts, "Warm-up")),
                new XlsxRenderer.DocumentProperties("Warm-up", "", "", "", Map.of(), Instant.EPOCH),
                new XlsxRenderer.Cover("Warm-up", "", List.of(), List.of()), nowhere);
    }
}
