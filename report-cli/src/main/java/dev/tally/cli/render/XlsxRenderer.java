package dev.tally.cli.render;

import dev.tally.cli.template.ChartSpec;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTable;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableColumn;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTTableStyleInfo;

/**
 * Excel workbooks from result tables. One sheet per table, each a real Excel table (autofilter,
 * banded rows) under a frozen header, with number formats per column type and widths to fit; a
 * totals row below the table whose additive cells are {@code SUBTOTAL(109, …)} formulas, so
 * filtering keeps them right (subtotal rows are {@code SUBTOTAL} too, which the grand total skips).
 * Cells from data are always values, never formulas. Charts are native Excel charts
 * ({@link XlsxCharts}) over the sheet's cells. A report's workbook opens on a cover sheet
 * ({@link XlsxCover}); every sheet gets the same print setup ({@link PrintLayout}). Headers are the
 * columns' titles as given: callers put them in words first ({@link Wording}).
 *
 * <p>Sheets with more than {@link #STREAM_THRESHOLD} rows and no chart are streamed with SXSSF, so a
 * 100,000-row sheet needs little heap; smaller ones are built in memory.
 */
public final class XlsxRenderer {
    /** Rows above which a sheet is streamed. */
    public static final int STREAM_THRESHOLD = 2_000;
    private static final int ROW_WINDOW = 200;
    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MAX_SHEET_NAME = 31;
    /** Tables up to this many characters wide get their charts beside them, wider ones below. */
    static final int CHART_BESIDE_WIDTH = 100;

    /**
     * One sheet: its table, the charts drawn from it, and the title people know it by, which names
     * the sheet (cut to Excel's 31 characters, forbidden characters replaced) and heads its pages.
     */
    public record SheetSpec(ResultTable table, List<ChartSpec> charts, String title, ResultTable lead) {
        public SheetSpec {
            Objects.requireNonNull(table, "table");
            charts = List.copyOf(charts);
            title = title == null || title.isBlank() ? table.name() : title;
        }

        /** A sheet whose table starts at the top. */
        public SheetSpec(ResultTable table, List<ChartSpec> charts, String title) {
            this(table, charts, title, null);
        }

        /** A sheet named after its table. */
        public SheetSpec(ResultTable table, List<ChartSpec> charts) {
            this(table, charts, null, null);
        }
    }

    /**
     * The cover sheet a report opens on: its title, period, the data's time, notes about the period
     * (a month cut at the snapshot's time, say) and the units the sheets use; the contents list is
     * made from the sheets.
     */
    public record Cover(String title, String period, List<String> notes, List<String> units) {
        public Cover {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(period, "period");
            notes = List.copyOf(notes);
            units = List.copyOf(units);
        }
    }

    /**
     * Document properties: title, subject, description, keywords, custom name/value pairs, and the
     * workbook's "created" time. That is the data's time (the snapshot's harvest start), not the
     * moment of writing, which POI would otherwise take from the wall clock: the same snapshot and
     * options then give the same workbook bytes (docs/architecture.md, "Time").
     */
    public record DocumentProperties(String title, String subject, String description, String keywords,
            Map<String, String> custom, Instant created) {
        public DocumentProperties {
            custom = custom == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(custom));
            Objects.requireNonNull(created, "created");
        }
    }

    /** The {@link OutputFormat#XLSX} renderer: a workbook of one sheet, the table, without charts. */
    public static TableRenderer oneSheet(DocumentProperties properties) {
        return (table, out) -> new XlsxRenderer().write(List.of(new SheetSpec(table, List.of())), properties, out);
    }

    /** Writes the workbook, a sheet per spec, to {@code out}. */
    public void write(List<SheetSpec> sheets, DocumentProperties properties, OutputStream out) throws IOException {
        write(sheets, properties, null, out);
    }

    /** Writes the workbook: the cover sheet first when {@code cover} is not null, then a sheet per spec. */
    public void write(List<SheetSpec> sheets, DocumentProperties properties, Cover cover, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
        try {
            XlsxStyles styles = new XlsxStyles(wb);
            Set<String> used = new HashSet<>();
            if (cover != null) {
                used.add(XlsxCover.SHEET_NAME.toLowerCase(java.util.Locale.ROOT));
            }
            List<String> names = new ArrayList<>();
            sheets.forEach(s -> names.add(uniqueSheetName(s.title(), used)));
            if (cover != null) {
                XSSFSheet sheet = XlsxCover.write(wb.getXSSFWorkbook(), cover, PrintLayout.asOf(properties), sheets, names,
                        styles.header, styles.note);
                PrintLayout.apply(sheet, properties, cover.title(), 0);
            }
            for (int i = 0; i < sheets.size(); i++) {
                int headerRow = writeSheet(wb, styles, sheets.get(i), names.get(i));
                PrintLayout.apply(wb.getXSSFWorkbook().getSheet(names.get(i)), properties, sheets.get(i).table().title(), headerRow);
            }
            setProperties(wb.getXSSFWorkbook(), properties);
            wb.write(out);
        } finally {
            wb.close();
        }
        out.flush();
    }

    private static void setProperties(XSSFWorkbook wb, DocumentProperties p) {
        POIXMLProperties props = wb.getProperties();
        var core = props.getCoreProperties();
        core.setCreator("tally");
        core.setCreated(Optional.of(Date.from(p.created())));
        core.setTitle(p.title());
        core.setSubjectProperty(p.subject());
        core.setDescription(p.description());
        core.setKeywords(p.keywords());
        var custom = props.getCustomProperties();
        p.custom().forEach((k, v) -> {
            if (v != null && !custom.contains(k)) {
                custom.addProperty(k, v);
            }
        });
    }

    /**
     * Writes one sheet and returns the row of its table's header: 0, or below the lead table (a
     * summary such as the count per kind of finding) and a blank row.
     */
    private static int writeSheet(SXSSFWorkbook wb, XlsxStyles styles, SheetSpec spec, String sheetName) {
        ResultTable t = spec.table();
        boolean streamed = t.rows().size() > STREAM_THRESHOLD && spec.charts().isEmpty();
        Sheet sheet = streamed ? wb.createSheet(sheetName) : wb.getXSSFWorkbook().createSheet(sheetName);
        XSSFSheet xsheet = wb.getXSSFWorkbook().getSheet(sheetName);
        List<Column> cols = t.columns();
        int[] width = new int[cols.size()];
        List<String> headers = uniqueHeaders(cols);
        int top = spec.lead() == null ? 0 : writeLead(sheet, spec.lead(), styles, width);
        Row header = sheet.createRow(top);
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(excelText(headers.get(c)));
            cell.setCellStyle(styles.header);
            width[c] = Math.max(width[c], headers.get(c).length() + 3);
        }
        int r = top + 1;
        List<List<Object>> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            RowKind kind = t.rowKinds().get(i);
            Row row = sheet.createRow(r);
            List<Object> values = rows.get(i);
            for (int c = 0; c < cols.size(); c++) {
                Column col = cols.get(c);
                Cell cell = row.createCell(c);
                if (kind.isSubtotal() && col.additive()) {
                    int first = groupStart(t, i) + top + 1;
                    String letter = CellReference.convertNumToColString(c);
                    cell.setCellFormula("SUBTOTAL(109," + letter + (first + 1) + ":" + letter + r + ")");
                    cell.setCellStyle(styles.number(col.type(), true));
                    width[c] = Math.max(width[c], 14);
                } else {
                    width[c] = Math.max(width[c], setValue(cell, values.get(c), col.type(), styles, kind != RowKind.DETAIL));
                }
            }
            r++;
        }
        int lastDataRow = r - 1;
        if (lastDataRow > top && !cols.isEmpty()) {
            addTable(xsheet, t, headers, top, lastDataRow);
        } else if (!cols.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(top, top, 0, cols.size() - 1));
        }
        if (t.totals() != null) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < cols.size(); c++) {
                Cell cell = row.createCell(c);
                Column col = cols.get(c);
                if (col.additive() && lastDataRow > top) {
                    String letter = CellReference.convertNumToColString(c);
                    cell.setCellFormula("SUBTOTAL(109," + letter + (top + 2) + ":" + letter + (lastDataRow + 1) + ")");
                    cell.setCellStyle(styles.total(col.type()));
                } else {
                    Object v = t.totals().get(c);
                    setValue(cell, v, col.type(), styles, true);
                    if (v == null || v instanceof String) {
                        cell.setCellStyle(styles.totalText);
                    } else {
                        cell.setCellStyle(styles.total(col.type()));
                    }
                }
            }
            r++;
        }
        r++;
        for (String note : t.notes()) {
            Cell cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(excelText(note));
            cell.setCellStyle(styles.note);
        }
        sheet.createFreezePane(0, top + 1);
        for (int c = 0; c < cols.size(); c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, width[c] + 2) * 256);
        }
        if (!spec.charts().isEmpty()) {
            int tableWidth = 0;
            for (int c = 0; c < cols.size(); c++) {
                tableWidth += Math.min(MAX_WIDTH_CHARS, width[c] + 2);
            }
            // beside a narrow table; under a wide one, where a chart at column Q would be off-screen
            boolean beside = tableWidth <= CHART_BESIDE_WIDTH;
            XlsxCharts.draw(xsheet, t, spec.charts(), top, lastDataRow - top, beside ? cols.size() + 1 : 0, beside ? top + 1 : r + 1);
        }
        return top;
    }

    /** The lead table from the top row: a bold header, its rows, its notes, then a blank row; returns the next row. */
    private static int writeLead(Sheet sheet, ResultTable lead, XlsxStyles styles, int[] width) {
        int r = 0;
        Row header = sheet.createRow(r++);
        for (int c = 0; c < lead.columns().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(excelText(lead.columns().get(c).title()));
            cell.setCellStyle(styles.header);
            if (c < width.length) {
                width[c] = Math.max(width[c], lead.columns().get(c).title().length() + 3);
            }
        }
        for (List<Object> values : lead.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                int w = setValue(row.createCell(c), values.get(c), lead.columns().get(c).type(), styles, false);
                if (c < width.length) {
                    width[c] = Math.max(width[c], Math.min(MAX_WIDTH_CHARS, w + 2));
                }
            }
        }
        for (String note : lead.notes()) {
            Cell cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(excelText(note));
            cell.setCellStyle(styles.note);
        }
        return r + 1;
    }

    /** The index of the first row of the group that the subtotal row {@code i} closes. */
    static int groupStart(ResultTable t, int i) {
        int depth = t.rowKinds().get(i).depth();
        List<Object> sub = t.rows().get(i);
        int start = i;
        while (start > 0) {
            List<Object> prev = t.rows().get(start - 1);
            if (t.rowKinds().get(start - 1) == RowKind.OTHER || !prev.subList(0, depth).equals(sub.subList(0, depth))) {
                break;
            }
            start--;
        }
        return start;
    }

    private static void addTable(XSSFSheet sheet, ResultTable t, List<String> headers, int top, int lastDataRow) {
        AreaReference area = new AreaReference(new CellReference(top, 0),
                new CellReference(lastDataRow, headers.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        String name = "T_" + t.name().replaceAll("[^A-Za-z0-9_]", "_");
        table.setName(name);
        table.setDisplayName(name);
        CTTable ct = table.getCTTable();
        for (int c = 0; c < headers.size(); c++) {
            CTTableColumn col = ct.getTableColumns().getTableColumnArray(c);
            col.setName(headers.get(c));
        }
        if (ct.getAutoFilter() == null) {
            ct.addNewAutoFilter();
        }
        ct.getAutoFilter().setRef(area.formatAsString());
        CTTableStyleInfo style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        style.setName("TableStyleMedium2");
        style.setShowRowStripes(true);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
    }

    /** Excel table column names must be unique within a table. */
    private static List<String> uniqueHeaders(List<Column> cols) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column c : cols) {
            String h = c.title().isBlank() ? c.key() : c.title();
            String candidate = h;
            for (int n = 2; !seen.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
                candidate = h + " (" + n + ")";
            }
            out.add(candidate);
        }
        return out;
    }

    /**
     * {@code text}, or for text longer than a cell holds (32,767 characters, docs/reliability.md, "Bounded work")
     * its start with a note that says how long it was; POI would refuse it and fail the whole report. The CSV keeps
     * the whole text. A cut never splits a character outside the Basic Multilingual Plane.
     */
    static String excelText(String text) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (text.length() <= max) {
            return text;
        }
        String note = " [cut: " + text.length() + " characters, more than the " + max + " a cell holds; the CSV has them all]";
        int keep = max - note.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + note;
    }

    /** Sets a value and returns its approximate display width in characters. */
    private static int setValue(Cell cell, Object v, ColumnType type, XlsxStyles styles, boolean bold) {
        if (v == null) {
            return 0;
        }
        if (v instanceof BigDecimal d) {
            // Excel stores IEEE doubles; the exact value stays in the CSV and the core.
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(styles.number(type, bold));
            return Math.min(20, d.toBigInteger().toString().length() + 6);
        }
        if (v instanceof Long || v instanceof Integer) {
            cell.setCellValue(((Number) v).doubleValue());
            cell.setCellStyle(styles.number(type == ColumnType.TEXT ? ColumnType.COUNT : type, bold));
            return v.toString().length() + 3;
        }
        if (v instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            return 12;
        }
        // setCellValue(String) always stores text: a value such as "=1+1" is never evaluated.
        String text = excelText(v.toString());
        cell.setCellValue(text);
        if (bold) {
            cell.setCellStyle(styles.boldText);
        }
        return text.length();
    }

    /**
     * A sheet name Excel accepts: forbidden characters become '-', no apostrophe at either end, at
     * most 31 characters (cut at a word where one is near, without a dangling "and"), unique ignoring
     * case (a repeat gets " (2)").
     */
    static String uniqueSheetName(String name, Set<String> used) {
        String s = name.replaceAll("[\\\\/?*\\[\\]:]", "-").strip().replaceAll("^'+|'+$", "");
        if (s.length() > MAX_SHEET_NAME) {
            int space = s.lastIndexOf(' ', MAX_SHEET_NAME);
            s = space >= MAX_SHEET_NAME - 12 ? s.substring(0, space) : s.substring(0, MAX_SHEET_NAME);
            // a cut title should not end in a dangling "and" or comma: "Orders of the month by type"
            s = s.replaceAll("(?i)([\\s,;.-]+(and|or|of|by|per|the|to|in))*[\\s,;.-]*$", "");
        }
        s = s.isEmpty() ? "Sheet" : s;
        String candidate = s;
        for (int n = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = (s.length() + suffix.length() > MAX_SHEET_NAME ? s.substring(0, MAX_SHEET_NAME - suffix.length()) : s) + suffix;
        }
        return candidate;
    }
}
