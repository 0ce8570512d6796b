package dev.tally.cli.command;

import dev.tally.cli.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.Main;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, black-box: exit code, printed summary, and the files it writes. */
class DemoCommandTest {
    @TempDir
    static Path dir;
    static int exitCode;
    static String stdout;
    static String stderr;

    @BeforeAll
    static void runDemo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err), "demo", "--out", dir.toString());
        stdout = out.toString();
        stderr = err.toString();
    }

    private static Path report(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    @Test
    void exitsZeroAndNamesTheFilesItWrote() {
        assertThat(exitCode).as(stderr).isZero();
        assertThat(stdout).contains("Monthly report for 2026-10").contains("monthly-consortium-2026-10.xlsx")
                .contains("monthly-consortium-2026-10-summary.csv").contains("monthly-consortium-2026-10-cost-by-country.png")
                .contains("monthly-consortium-2026-10-cost-by-country.svg");
    }

    @Test
    void workbookHasAHeaderAndOneRowPerCountryShare() throws Exception {
        List<String> csvShares = Files.readAllLines(report("-summary.csv")).stream().skip(1)
                .map(l -> l.split(",")[0]).toList();
        try (InputStream in = Files.newInputStream(report(".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary per country share");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Country share or other offering");
            List<String> shares = new ArrayList<>();
            int r = 1;
            for (; !summary.getRow(r).getCell(0).getStringCellValue().equals("Total"); r++) {
                shares.add(summary.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(shares).isEqualTo(csvShares).contains("Denmark", "Finland", "Czech Republic");
            Row total = summary.getRow(r);
            assertThat(total.getCell(1).getCellFormula()).isEqualTo("SUBTOTAL(109,B2:B" + r + ")");
            Sheet provenance = wb.getSheet("Provenance");
            assertThat(provenance.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Source API");
            assertThat(provenance.getRow(4).getCell(1).getStringCellValue())
                    .matches("Waldur marketplace API at http://127\\.0\\.0\\.1:\\d+/api/");
        }
    }

    @Test
    void printedTotalsEqualTheSumOfTheProjectRows() throws Exception {
        List<String> csv = Files.readAllLines(report("-projects.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        int costColumn = header.indexOf("cost");
        int allocationsColumn = header.indexOf("allocations");
        BigDecimal cost = BigDecimal.ZERO;
        long allocations = 0;
        for (String line : csv.subList(1, csv.size())) {
            List<String> cells = CsvLine.split(line);
            cost = cost.add(new BigDecimal(cells.get(costColumn)));
            allocations += Long.parseLong(cells.get(allocationsColumn));
        }
        int rows = csv.size() - 1;
        String totalLine = stdout.lines().filter(l -> l.startsWith("Total ")).findFirst().orElseThrow();
        List<String> printed = List.of(totalLine.trim().split("\\s+"));

        assertThat(allocations).isGreaterThan(1000);
        assertThat(printed.get(1)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", allocations));
        // the CSV's costs are rounded to the cent, so their sum is the total within half a cent a row
        BigDecimal printedCost = new BigDecimal(printed.get(printed.size() - 1).replace(",", ""));
        assertThat(printedCost.subtract(cost).abs()).isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(rows)));
    }

    @Test
    void chartIsAReadablePng() throws Exception {
        var image = ImageIO.read(report(".png").toFile());

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(700);
    }
}
