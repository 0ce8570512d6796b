package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks' Data sheet, read back with POI: a typed Excel table whose sums are the report's totals. */
class DataSheetTest {
    @TempDir
    Path dir;

    /** The sum of one numeric column of the Data sheet's table, found by its header. */
    private static BigDecimal sum(XSSFSheet sheet, String header) {
        XSSFTable table = sheet.getTables().get(0);
        Row head = sheet.getRow(table.getStartRowIndex());
        int col = -1;
        for (int c = 0; c < head.getLastCellNum(); c++) {
            if (head.getCell(c).getStringCellValue().equals(header)) {
                col = c;
            }
        }
        assertThat(col).as("a column '" + header + "'").isNotNegative();
        BigDecimal total = BigDecimal.ZERO;
        for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
            var cell = sheet.getRow(r).getCell(col);
            if (cell != null) {
                assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                total = total.add(BigDecimal.valueOf(cell.getNumericCellValue()));
            }
        }
        return total;
    }

    /** The sum over the rows of one column of a section's CSV (its rows add up to the total: one single-valued dimension). */
    private static BigDecimal csvSum(Path csv, String key) throws Exception {
        List<List<String>> rows = Files.readAllLines(csv).stream().map(CsvLine::split).toList();
        int col = rows.get(0).indexOf(key);
        return rows.subList(1, rows.size()).stream().map(r -> r.get(col).isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.get(col)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    @Test
    void theMonthlyReportsDataSheetAddsUpToItsSummary() throws Exception {
        CliRun r = CliRun.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template", "monthly-consortium",
                "--month", "2026-10", "--format", "xlsx,csv", "--data-sheet", "--exact", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        Path summary = dir.resolve("monthly-consortium-2026-10-summary.csv");
        try (InputStream in = Files.newInputStream(dir.resolve("monthly-consortium-2026-10.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet data = wb.getSheet("Data");
            assertThat(wb.getSheetIndex(data)).isEqualTo(wb.getNumberOfSheets() - 1);
            List<XSSFTable> tables = data.getTables();
            assertThat(tables).hasSize(1);
            assertThat(tables.get(0).getStartRowIndex()).isZero();
            assertThat(cents(sum(data, "Cost (EUR)"))).isEqualByComparingTo(cents(csvSum(summary, "cost")));
            assertThat(cents(sum(data, "GPU k-hours used"))).isEqualByComparingTo(cents(csvSum(summary, "usage.gpu_k_hours")));
            assertThat(cents(sum(data, "CPU k-hours allocated"))).isEqualByComparingTo(cents(csvSum(summary, "limit.cpu_k_hours")));
            // one row per allocation that existed in October: the summary's allocation count
            assertThat(BigDecimal.valueOf(tables.get(0).getEndRowIndex())).isEqualByComparingTo(csvSum(summary, "allocations"));
            var month = data.getRow(1).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(month)).isTrue();
            assertThat(month.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
        }
    }

    @Test
    void withoutTheOptionThereIsNoDataSheet() throws Exception {
        CliRun r = CliRun.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template", "monthly-consortium",
                "--month", "2026-10", "--format", "xlsx", "--out", dir.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        try (InputStream in = Files.newInputStream(dir.resolve("monthly-consortium-2026-10.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("Data")).isNull();
        }
    }

    @Test
    void aQueryWorkbooksDataSheetHoldsTheFilteredFactsOfItsAnswer() throws Exception {
        Path xlsx = dir.resolve("q.xlsx");
        CliRun r = CliRun.of("query", "--snapshot", DemoSnapshot.get().toString(), "--quarter", "2026-Q3", "--group-by", "country",
                "--measure", "cost", "--where", "is_industry = true", "--format", "xlsx", "--out", xlsx.toString(), "--data-sheet",
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        CliRun csv = CliRun.of("query", "--snapshot", DemoSnapshot.get().toString(), "--quarter", "2026-Q3", "--group-by",
                "country", "--measure", "cost", "--where", "is_industry = true", "--format", "csv", "--exact", "--no-total");
        BigDecimal total = csv.out().lines().skip(1).map(CsvLine::split).map(l -> new BigDecimal(l.get(1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(cents(sum(wb.getSheet("Data"), "Cost (EUR)"))).isEqualByComparingTo(cents(total));
        }
        CliRun bad = CliRun.of("query", "--snapshot", DemoSnapshot.get().toString(), "--measure", "cost", "--data-sheet");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--data-sheet needs --format xlsx");
    }
}
