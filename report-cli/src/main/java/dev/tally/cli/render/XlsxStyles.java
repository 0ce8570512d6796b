package dev.tally.cli.render;

import dev.tally.core.table.ColumnType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The cell styles, fonts and number formats of one workbook that {@link XlsxRenderer} writes. Cell styles are
 * workbook-wide and limited in number, so they are made once per workbook: the fixed ones here in the constructor, a
 * number style on first use. The order they are made in is their order in the workbook's styles part, so keeping it
 * keeps the workbook's bytes the same for the same snapshot and options (docs/architecture.md, "Time").
 */
final class XlsxStyles {
    final CellStyle header;
    final CellStyle date;
    final CellStyle note;
    final CellStyle boldText;
    final CellStyle totalText;
    private final Map<String, CellStyle> numbers = new LinkedHashMap<>();
    private final SXSSFWorkbook wb;
    private final DataFormat fmt;
    private final Font bold;

    XlsxStyles(SXSSFWorkbook wb) {
        this.wb = wb;
        this.fmt = wb.createDataFormat();
        bold = wb.createFont();
        bold.setBold(true);
        Font italic = wb.createFont();
        italic.setItalic(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        date = wb.createCellStyle();
        date.setDataFormat(fmt.getFormat("yyyy-mm-dd"));
        note = wb.createCellStyle();
        note.setFont(italic);
        boldText = wb.createCellStyle();
        boldText.setFont(bold);
        totalText = wb.createCellStyle();
        totalText.setFont(bold);
        totalText.setBorderTop(BorderStyle.THIN);
    }

    private static String format(ColumnType type) {
        return switch (type) {
            case MONEY -> "#,##0.00";
            case PERCENT -> "0.0%";
            case KHOURS -> "#,##0.0";
            case DATE -> "yyyy-mm-dd";
            default -> "#,##0";
        };
    }

    /** The style of a number of {@code type}, bold when {@code strong} (in a row that is not a detail row). */
    CellStyle number(ColumnType type, boolean strong) {
        return numbers.computeIfAbsent(type + "/" + strong, k -> {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(fmt.getFormat(format(type)));
            if (strong) {
                s.setFont(bold);
            }
            return s;
        });
    }

    /** The style of a number of {@code type} in the totals row: bold, under a thin line. */
    CellStyle total(ColumnType type) {
        return numbers.computeIfAbsent(type + "/total", k -> {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(fmt.getFormat(format(type)));
            s.setFont(bold);
            s.setBorderTop(BorderStyle.THIN);
            return s;
        });
    }
}
