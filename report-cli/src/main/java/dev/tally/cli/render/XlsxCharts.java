package dev.tally.cli.render;

import dev.tally.cli.template.ChartSpec;
import dev.tally.cli.template.ChartType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;

/**
 * Native Excel charts (DrawingML, editable in Excel) over a sheet's own cells: categories from one
 * column, one series per value column, each series titled by its header cell. The cached values
 * are written too, so viewers that do not recalculate still draw the chart.
 */
final class XlsxCharts {
    private static final int WIDTH_COLS = 12;
    private static final int HEIGHT_ROWS = 22;

    private XlsxCharts() {
    }

    /** Draws the charts one under another, the first with its top left corner at column {@code left}, row {@code top}. */
    static void draw(XSSFSheet sheet, ResultTable t, List<ChartSpec> charts, int headerRow, int dataRows, int left, int firstTop) {
        if (dataRows < 1) {
            return;
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int top = firstTop;
        for (ChartSpec spec : charts) {
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, top, left + WIDTH_COLS, top + HEIGHT_ROWS);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setTitleText(spec.title());
            chart.setTitleOverlay(false);
            plot(chart, sheet, t, spec, headerRow, dataRows);
            top += HEIGHT_ROWS + 1;
        }
    }

    /** The chart over the table's first {@code rows} rows, which start under the header at {@code headerRow}. */
    private static void plot(XSSFChart chart, XSSFSheet sheet, ResultTable t, ChartSpec spec, int headerRow, int rows) {
        int cat = t.columnIndex(spec.category());
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
            Object v = t.rows().get(i).get(cat);
            labels[i] = String.valueOf(v);
        }
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(labels, range(sheet, headerRow + 1, headerRow + rows, cat), cat);
        XDDFChartData data;
        if (spec.type() == ChartType.PIE) {
            data = chart.createData(ChartTypes.PIE, null, null);
            ((XDDFPieChartData) data).setVaryColors(true);
        } else {
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            y.setCrossBetween(AxisCrossBetween.BETWEEN);
            if (!spec.axis().isEmpty()) {
                y.setTitle(spec.axis());
            }
            if (spec.type() == ChartType.LINE) {
                data = chart.createData(ChartTypes.LINE, x, y);
            } else {
                data = chart.createData(ChartTypes.BAR, x, y);
                XDDFBarChartData bar = (XDDFBarChartData) data;
                bar.setBarDirection(BarDirection.COL);
                if (spec.type() == ChartType.STACKED_BAR) {
                    bar.setBarGrouping(BarGrouping.STACKED);
                }
            }
        }
        List<XDDFChartData.Series> added = new ArrayList<>();
        for (int s = 0; s < spec.series().size(); s++) {
            int col = t.columnIndex(spec.series().get(s));
            Double[] values = new Double[rows];
            for (int i = 0; i < rows; i++) {
                Object v = t.rows().get(i).get(col);
                values[i] = v instanceof BigDecimal d ? d.doubleValue() : v instanceof Number n ? n.doubleValue() : null;
            }
            XDDFNumericalDataSource<Double> nums = XDDFDataSourcesFactory.fromArray(values, range(sheet, headerRow + 1, headerRow + rows, col), col);
            XDDFChartData.Series series = data.addSeries(categories, nums);
            series.setTitle(ChartRenderer.legend(spec.series().get(s), t.columns().get(col).title()), null);
            added.add(series);
        }
        boolean multi = spec.series().size() > 1;
        if (multi || spec.type() == ChartType.PIE) {
            chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        }
        chart.plot(data);
        // a month without data is a gap in a line, not a drop to zero
        var ct = chart.getCTChart();
        (ct.isSetDispBlanksAs() ? ct.getDispBlanksAs() : ct.addNewDispBlanksAs())
                .setVal(org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs.GAP);
        if (spec.type() == ChartType.STACKED_BAR) {
            fullOverlap(chart);
        }
        for (int s = 0; s < added.size(); s++) {
            XDDFChartData.Series series = added.get(s);
            if (multi) {
                colour(series, Palette.of(Palette.seriesLabel(spec.series().get(s)), s), spec.type());
            } else if (spec.type() != ChartType.LINE) {
                // one series: each category (a country share, say) keeps its own colour
                for (int i = 0; i < rows; i++) {
                    series.getDataPoint(i).setFillProperties(fill(Palette.of(labels[i], 0)));
                }
            } else {
                colour(series, Palette.of("", 0), spec.type());
            }
            if (series instanceof XDDFLineChartData.Series line) {
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                line.setSmooth(false);
            }
        }
    }

    /**
     * Stacked bars need {@code <c:overlap val="100"/>}; POI's lite schemas lack its value type, so the
     * element is inserted with a cursor, in schema order (after gapWidth, before the axis ids).
     */
    private static void fullOverlap(XSSFChart chart) {
        var barChart = chart.getCTChart().getPlotArea().getBarChartArray(0);
        String ns = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        try (XmlCursor cursor = barChart.newCursor()) {
            if (!cursor.toChild(new QName(ns, "axId"))) {
                return;
            }
            cursor.beginElement(new QName(ns, "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }

    private static void colour(XDDFChartData.Series series, Color c, ChartType type) {
        if (type == ChartType.LINE) {
            XDDFLineProperties line = new XDDFLineProperties(fill(c));
            line.setWidth(2.25);
            series.setLineProperties(line);
        } else {
            series.setFillProperties(fill(c));
        }
    }

    private static XDDFSolidFillProperties fill(Color c) {
        return new XDDFSolidFillProperties(XDDFColor.from(new byte[] {(byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue()}));
    }

    private static String range(XSSFSheet sheet, int firstRow, int lastRow, int col) {
        return new CellRangeAddress(firstRow, lastRow, col, col).formatAsString(sheet.getSheetName(), true);
    }

}
