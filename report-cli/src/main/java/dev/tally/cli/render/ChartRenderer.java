package dev.tally.cli.render;

import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.ChartType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts as PNG and SVG (JFreeChart): bars, stacked bars, lines and pies over a result table, with
 * large labels and the same colour for a country share in every chart ({@link Palette}).
 */
public final class ChartRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    /** A chart of the table's detail and "Other" rows as the spec says. */
    public JFreeChart chart(ResultTable table, ChartSpec spec) {
        int cat = table.columnIndex(spec.category());
        JFreeChart chart;
        if (spec.type() == ChartType.PIE) {
            DefaultPieDataset<String> data = new DefaultPieDataset<>();
            int col = table.columnIndex(spec.series().get(0));
            for (int i = 0; i < table.rows().size(); i++) {
                if (!table.rowKinds().get(i).isSubtotal()) {
                    data.setValue(label(table, i, cat), number(table.rows().get(i).get(col)));
                }
            }
            PiePlot<String> plot = new PiePlot<>(data);
            for (int i = 0; i < data.getItemCount(); i++) {
                plot.setSectionPaint(data.getKey(i), Palette.of(data.getKey(i), i));
            }
            plot.setLabelFont(LABEL);
            plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {2}"));
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlineVisible(false);
            chart = new JFreeChart(spec.title(), TITLE, plot, true);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (String key : spec.series()) {
                int col = table.columnIndex(key);
                String series = legend(key, table.columns().get(col).title());
                for (int i = 0; i < table.rows().size(); i++) {
                    if (!table.rowKinds().get(i).isSubtotal()) {
                        data.addValue(number(table.rows().get(i).get(col)), series, label(table, i, cat));
                    }
                }
            }
            chart = new JFreeChart(spec.title(), TITLE, categoryPlot(data, spec), spec.series().size() > 1);
        }
        chart.setBackgroundPaint(Color.WHITE);
        // room at the edges, so the last slanted category label is not cut by the image's border
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(8, 8, 12, 16));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setPosition(RectangleEdge.RIGHT);
        }
        return chart;
    }

    /** Writes the chart as a {@value #WIDTH}×{@value #HEIGHT} PNG. */
    public void writePng(JFreeChart chart, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    }

    /** Writes the chart as a {@value #WIDTH}×{@value #HEIGHT} SVG with stable element ids. */
    public void writeSvg(JFreeChart chart, OutputStream out) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("tally-");
        chart.draw(g2, new Rectangle(WIDTH, HEIGHT));
        out.write(g2.getSVGDocument().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A series' name in the legend: for a pivoted column ({@code cost@Finland}, headed "Cost (EUR),
     * Finland") the value it stands for, since the axis already names the measure; otherwise its header.
     */
    static String legend(String key, String header) {
        int comma = header.indexOf(", ");
        return key.contains("@") && comma >= 0 ? header.substring(comma + 2) : header;
    }

    private static String label(ResultTable t, int row, int col) {
        return String.valueOf(t.rows().get(row).get(col));
    }

    private static Number number(Object v) {
        return v instanceof BigDecimal b ? b.doubleValue() : v instanceof Number n ? n.doubleValue() : null;
    }

    /** Category labels longer than this turn a bar chart on its side, so they read in full. */
    static final int LONG_LABEL = 24;

    private static CategoryPlot categoryPlot(DefaultCategoryDataset data, ChartSpec spec) {
        int longest = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            longest = Math.max(longest, String.valueOf(data.getColumnKey(c)).length());
        }
        // long labels (AI technologies) would be cut at 45 degrees: horizontal bars give them a line each
        boolean sideways = spec.type() != ChartType.LINE && longest > LONG_LABEL;
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(sideways || data.getColumnCount() <= 6 ? CategoryLabelPositions.STANDARD
                : CategoryLabelPositions.UP_45);
        categories.setTickLabelFont(TICKS);
        categories.setMaximumCategoryLabelWidthRatio(sideways ? 0.45f : 0.8f);
        categories.setMaximumCategoryLabelLines(sideways ? 2 : 1);
        NumberAxis values = new NumberAxis(spec.axis());
        values.setTickLabelFont(TICKS);
        values.setLabelFont(LABEL);
        CategoryItemRenderer renderer;
        boolean multi = spec.series().size() > 1;
        if (spec.type() == ChartType.LINE) {
            LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
            for (int s = 0; s < spec.series().size(); s++) {
                line.setSeriesPaint(s, Palette.of(Palette.seriesLabel(spec.series().get(s)), s));
                line.setSeriesStroke(s, new BasicStroke(2.5f));
            }
            renderer = line;
        } else {
            BarRenderer bar = spec.type() == ChartType.STACKED_BAR ? new StackedBarRenderer() : multi ? new BarRenderer()
                    : new CategoryColourRenderer(data);
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setDrawBarOutline(false);
            for (int s = 0; s < spec.series().size(); s++) {
                bar.setSeriesPaint(s, Palette.of(Palette.seriesLabel(spec.series().get(s)), s));
            }
            renderer = bar;
        }
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(sideways ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** Colours each bar by its category name, so a country has the same colour in every chart. */
    private static final class CategoryColourRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient DefaultCategoryDataset data;

        CategoryColourRenderer(DefaultCategoryDataset data) {
            this.data = data;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            // a share or flag keeps its colour; other categories (AI technologies, say) share one
            return Palette.of(String.valueOf(data.getColumnKey(column)), 0);
        }
    }
}
