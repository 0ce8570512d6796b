package dev.tally.cli.render;

import dev.tally.core.table.ResultTable;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts of one measure per row label, as PNG, with a stable colour per country share. */
public final class ChartRenderer {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    /** A bar per row: {@code labelColumn} on the axis, {@code valueColumn} as the bar height. */
    public void barPng(ResultTable table, String labelColumn, String valueColumn, String title, String axisLabel, Path file)
            throws IOException {
        int label = table.columnIndex(labelColumn);
        int value = table.columnIndex(valueColumn);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (List<Object> row : table.rows()) {
            Object v = row.get(value);
            double d = v instanceof BigDecimal b ? b.doubleValue() : v instanceof Number n ? n.doubleValue() : 0;
            data.addValue(d, axisLabel, String.valueOf(row.get(label)));
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 20), plot(data, axisLabel), false);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    private static CategoryPlot plot(DefaultCategoryDataset data, String axisLabel) {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        org.jfree.chart.axis.NumberAxis values = new org.jfree.chart.axis.NumberAxis(axisLabel);
        values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        BarRenderer renderer = new ShareColourRenderer(data);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    /** Colours each bar by its category name, so a country has the same colour in every chart. */
    private static final class ShareColourRenderer extends BarRenderer {
        private final transient DefaultCategoryDataset data;

        ShareColourRenderer(DefaultCategoryDataset data) {
            this.data = data;
        }

        @Override
        public java.awt.Paint getItemPaint(int row, int column) {
            return ShareColours.of(String.valueOf(data.getColumnKey(column)));
        }
    }
}
