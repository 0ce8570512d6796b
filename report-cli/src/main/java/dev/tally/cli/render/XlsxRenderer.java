package dev.tally.cli.render;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Excel workbooks from result tables, streamed with SXSSF so a 100,000-row sheet needs little heap.
 * One sheet per table: bold frozen header, autofilter, number formats per column type, and a
 * totals row of {@code SUBTOTAL(109, …)} formulas so filtering keeps the totals right. Cells from
 * data are always values, never formulas. A last sheet records the provenance.
 */
public final class XlsxRenderer {
    private static final int ROW_WINDOW = 500;
    private static final int MAX_WIDTH_CHARS = 60;

    public void write(List<ResultTable> tables, Map<String, String> provenance, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
            try {
                Styles styles = new Styles(wb);
                for (ResultTable t : tables) {
                    writeSheet(wb, styles, t);
                }
                writeProvenance(wb, styles, provenance);
                wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("tally");
                wb.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(provenance.getOrDefault("Report", "Tally report"));
                wb.write(out);
            } finally {
                wb.close();
            }
        });
    }

    private static void writeSheet(SXSSFWorkbook wb, Styles styles, ResultTable t) {
        SXSSFSheet sheet = wb.createSheet(safeSheetName(t.name()));
        List<Column> cols = t.columns();
        int[] width = new int[cols.size()];
        Row header = sheet.createRow(0);
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(cols.get(c).title());
            cell.setCellStyle(styles.header);
            width[c] = cols.get(c).title().length();
        }
        int r = 1;
        for (List<Object> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cols.size(); c++) {
                width[c] = Math.max(width[c], setValue(row.createCell(c), values.get(c), cols.get(c).type(), styles));
            }
        }
        int lastDataRow = r - 1;
        if (t.totals() != null) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < cols.size(); c++) {
                Cell cell = row.createCell(c);
                Column col = cols.get(c);
                if (col.type().summable() && lastDataRow >= 1) {
                    String letter = CellReference.convertNumToColString(c);
                    cell.setCellFormula("SUBTOTAL(109," + letter + "2:" + letter + (lastDataRow + 1) + ")");
                    cell.setCellStyle(styles.total(col.type()));
                } else {
                    Object v = t.totals().get(c);
                    setValue(cell, v instanceof BigDecimal || v instanceof Long ? null : v, ColumnType.TEXT, styles);
                    cell.setCellStyle(styles.totalText);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (!cols.isEmpty()) {
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(lastDataRow, 0), 0, cols.size() - 1));
        }
        for (int c = 0; c < cols.size(); c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, width[c] + 3) * 256);
        }
    }

    /** Sets a value and returns its approximate display width in characters. */
    private static int setValue(Cell cell, Object v, ColumnType type, Styles styles) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d) {
            // Excel stores IEEE doubles; the exact value stays in the CSV and the core.
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(styles.number(type));
            return Math.min(20, d.toBigInteger().toString().length() + 4);
        }
        if (v instanceof Long || v instanceof Integer) {
            cell.setCellValue(((Number) v).doubleValue());
            cell.setCellStyle(styles.number(ColumnType.COUNT));
            return v.toString().length() + 1;
        }
        if (v instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            return 10;
        }
        // setCellValue(String) always stores text: a value such as "=1+1" is never evaluated.
        String text = v.toString();
        cell.setCellValue(text);
        return text.length();
    }

    private static void writeProvenance(SXSSFWorkbook wb, Styles styles, Map<String, String> provenance) {
        Sheet sheet = wb.createSheet("provenance");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Field");
        header.createCell(1).setCellValue("Value");
        header.getCell(0).setCellStyle(styles.header);
        header.getCell(1).setCellStyle(styles.header);
        int r = 1;
        int width = 10;
        for (var e : provenance.entrySet()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(e.getKey());
            row.createCell(1).setCellValue(e.getValue());
            width = Math.max(width, e.getValue().length());
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, Math.min(100, width + 2) * 256);
    }

    private static String safeSheetName(String name) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    /** Cell styles are workbook-wide and limited in number, so they are made once per workbook. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle count;
        final CellStyle khours;
        final CellStyle money;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle totalText;
        final CellStyle totalCount;
        final CellStyle totalKhours;
        final CellStyle totalMoney;

        Styles(SXSSFWorkbook wb) {
            DataFormat fmt = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            count = numberStyle(wb, fmt.getFormat("#,##0"), null);
            khours = numberStyle(wb, fmt.getFormat("#,##0.###"), null);
            money = numberStyle(wb, fmt.getFormat("#,##0.00"), null);
            percent = numberStyle(wb, fmt.getFormat("0.0%"), null);
            date = numberStyle(wb, fmt.getFormat("yyyy-mm-dd"), null);
            totalText = wb.createCellStyle();
            totalText.setFont(bold);
            totalText.setBorderTop(BorderStyle.THIN);
            totalCount = numberStyle(wb, fmt.getFormat("#,##0"), bold);
            totalKhours = numberStyle(wb, fmt.getFormat("#,##0.###"), bold);
            totalMoney = numberStyle(wb, fmt.getFormat("#,##0.00"), bold);
        }

        private static CellStyle numberStyle(SXSSFWorkbook wb, short format, Font font) {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(format);
            if (font != null) {
                s.setFont(font);
                s.setBorderTop(BorderStyle.THIN);
            }
            return s;
        }

        CellStyle number(ColumnType type) {
            return switch (type) {
                case MONEY -> money;
                case PERCENT -> percent;
                case KHOURS -> khours;
                case DATE -> date;
                default -> count;
            };
        }

        CellStyle total(ColumnType type) {
            return switch (type) {
                case MONEY -> totalMoney;
                case KHOURS -> totalKhours;
                default -> totalCount;
            };
        }
    }
}
