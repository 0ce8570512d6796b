package dev.tally.cli.render;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * How a sheet prints, so a workbook can go to a board as paper or PDF without touching Page Setup:
 * landscape, one page wide (as many pages tall as needed), the header row repeated on every page,
 * the sheet's title and the workbook's title (which names the period) in the page header, and the
 * data's time and the page number in the footer (docs/reports.md, "Printing").
 */
final class PrintLayout {
    /** Excel's footer code for "Page 3 of 7". */
    static final String PAGE_OF = "Page &P of &N";

    private PrintLayout() {
    }

    /** Applies the print setup; {@code headerRow} (0-based) is the table's header, repeated on every page. */
    static void apply(XSSFSheet sheet, XlsxRenderer.DocumentProperties properties, String sheetTitle, int headerRow) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        // 0 = "automatic": as many pages tall as the rows need
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(CellRangeAddress.valueOf((headerRow + 1) + ":" + (headerRow + 1)));
        sheet.getHeader().setLeft(sheetTitle == null ? "" : sheetTitle);
        sheet.getHeader().setRight(properties.title() == null ? "" : properties.title());
        sheet.getFooter().setLeft(dataAsOf(properties));
        sheet.getFooter().setRight(PAGE_OF);
    }

    /** "Data as of 2026-11-01 00:00 UTC": the snapshot's time, never the time of printing. */
    static String dataAsOf(XlsxRenderer.DocumentProperties properties) {
        return "Data as of " + asOf(properties);
    }

    /** The data's time as people read it: {@code 2026-11-01 00:00 UTC}. */
    static String asOf(XlsxRenderer.DocumentProperties properties) {
        return Wording.asOf(properties.created());
    }
}
