package dev.tally.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbook details on small hand-made tables. */
class XlsxRendererTest {
    @TempDir
    Path dir;

    private static final List<Column> COLS = List.of(new Column("country", "Country share", ColumnType.TEXT),
            new Column("project", "Project", ColumnType.TEXT), new Column("cost", "Cost", ColumnType.MONEY));

    private XSSFSheet write(ResultTable t) throws Exception {
        Path file = dir.resolve("t.xlsx");
        AtomicFiles.DIRECT.write(file, out -> new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(t, List.of())),
                new XlsxRenderer.DocumentProperties("T", "2026-10", null, null, Map.of(), java.time.Instant.parse("2026-11-01T00:00:00Z")), out));
        InputStream in = Files.newInputStream(file);
        return new XSSFWorkbook(in).getSheetAt(0);
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        ResultTable t = new ResultTable("s", "S", COLS, List.of(List.of("=1+1", "@SUM(A1)", new BigDecimal("1.5"))), null, List.of());

        XSSFSheet sheet = write(t);

        assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("@SUM(A1)");
    }

    @Test
    void aCellTooLongForExcelIsCutWithANoteInsteadOfFailingTheReport() throws Exception {
        // Excel holds at most 32,767 characters in a cell; POI refuses more, which would fail the whole report
        String huge = "x".repeat(40_000);
        ResultTable t = new ResultTable("s", "S", COLS, List.of(List.of("Finland", huge, new BigDecimal("1.5"))), null, List.of());

        String cell = write(t).getRow(1).getCell(1).getStringCellValue();

        String note = " [cut: 40000 characters, more than the 32767 a cell holds; the CSV has them all]";
        assertThat(cell).hasSize(32_767).endsWith(note);
        assertThat(cell).isEqualTo("x".repeat(32_767 - note.length()) + note);
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String text = "a".repeat(32_700) + "\uD83D\uDE00".repeat(100);

        String cut = XlsxRenderer.excelText(text);

        assertThat(cut.length()).isLessThanOrEqualTo(32_767);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.indexOf(" [cut:") - 1))).isFalse();
    }

    @Test
    void subtotalRowsAreSubtotalFormulasThatTheGrandTotalSkips() throws Exception {
        ResultTable t = new ResultTable("s", "S", COLS, List.of(
                List.of("Finland", "a", new BigDecimal("1.25")), List.of("Finland", "b", new BigDecimal("2")),
                List.of("Finland", "Subtotal", new BigDecimal("3.25")), List.of("Sweden", "c", new BigDecimal("4")),
                List.of("Sweden", "Subtotal", new BigDecimal("4"))),
                List.of("Total", "", new BigDecimal("7.25")), List.of(),
                List.of(RowKind.DETAIL, RowKind.DETAIL, RowKind.SUBTOTAL, RowKind.DETAIL, RowKind.SUBTOTAL));

        XSSFSheet sheet = write(t);
        var eval = sheet.getWorkbook().getCreationHelper().createFormulaEvaluator();

        assertThat(sheet.getRow(3).getCell(2).getCellFormula()).isEqualTo("SUBTOTAL(109,C2:C3)");
        assertThat(sheet.getRow(5).getCell(2).getCellFormula()).isEqualTo("SUBTOTAL(109,C5:C5)");
        assertThat(sheet.getRow(6).getCell(2).getCellFormula()).isEqualTo("SUBTOTAL(109,C2:C6)");
        assertThat(eval.evaluate(sheet.getRow(6).getCell(2)).getNumberValue()).isEqualTo(7.25);
        assertThat(eval.evaluate(sheet.getRow(3).getCell(2)).getNumberValue()).isEqualTo(3.25);
    }

    @Test
    void everySheetPrintsLandscapeOnePageWideWithTheHeaderRowRepeated() throws Exception {
        ResultTable t = new ResultTable("s", "S", COLS, List.of(List.of("Finland", "a", new BigDecimal("1.5"))), null, List.of());

        XSSFSheet sheet = write(t);

        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getWorkbook().getName("_xlnm.Print_Titles").getRefersToFormula()).isEqualTo("s!$1:$1");
        assertThat(sheet.getHeader().getLeft()).isEqualTo("S");
        assertThat(sheet.getHeader().getRight()).isEqualTo("T");
        assertThat(sheet.getFooter().getLeft()).isEqualTo("Data as of 2026-11-01 00:00 UTC");
        assertThat(sheet.getFooter().getRight()).isEqualTo("Page &P of &N");
    }
}
