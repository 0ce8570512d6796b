package dev.tally.cli.render;

import java.util.List;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cover sheet a report workbook opens on: title, period, the data's time, notes about the
 * period, the contents (each sheet, linked, with its title) and the units. Column A holds the
 * labels, column B the values, so the sheet reads like a form (docs/reports.md, "The cover sheet").
 */
final class XlsxCover {
    static final String SHEET_NAME = "Cover";

    private XlsxCover() {
    }

    static XSSFSheet write(XSSFWorkbook wb, XlsxRenderer.Cover cover, String dataAsOf, List<XlsxRenderer.SheetSpec> sheets,
            List<String> names, CellStyle heading, CellStyle note) {
        XSSFSheet sheet = wb.createSheet(SHEET_NAME);
        Rows rows = new Rows(sheet);
        rows.next().createCell(0).setCellValue(cover.title());
        rows.current().getCell(0).setCellStyle(heading);
        rows.pair("Period", cover.period());
        rows.pair("Data as of", dataAsOf);
        for (String n : cover.notes()) {
            rows.pair("Note", n);
        }
        rows.next();
        rows.pair("Contents", "").getCell(0).setCellStyle(heading);
        for (int i = 0; i < sheets.size(); i++) {
            Row row = rows.pair(names.get(i), sheets.get(i).table().title());
            Hyperlink link = wb.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + names.get(i).replace("'", "''") + "'!A1");
            row.getCell(0).setHyperlink(link);
        }
        if (!cover.units().isEmpty()) {
            rows.next();
            rows.pair("Units", "").getCell(0).setCellStyle(heading);
            cover.units().forEach(u -> rows.pair("", u).getCell(1).setCellStyle(note));
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        return sheet;
    }

    /** Appends rows one after the other. */
    private static final class Rows {
        private final XSSFSheet sheet;
        private int next;
        private Row current;

        Rows(XSSFSheet sheet) {
            this.sheet = sheet;
        }

        Row next() {
            current = sheet.createRow(next++);
            return current;
        }

        Row current() {
            return current;
        }

        Row pair(String label, String value) {
            Row row = next();
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue(value);
            return row;
        }
    }
}
