package dev.tally.cli.command;

import dev.tally.cli.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Golden;
import dev.tally.cli.Main;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.report.Entitlements;
import dev.tally.cli.report.Report;
import dev.tally.cli.report.ReportInput;
import dev.tally.cli.report.ReportJob;
import dev.tally.cli.template.TemplateLoader;
import dev.tally.core.query.Period;
import dev.tally.core.table.ResultTable;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** {@code tally report} on the emulator's seed-42 dataset, read back with POI and compared with golden CSVs. */
class ReportCommandTest {
    @TempDir
    static Path out;
    static int exitCode;
    static String stdout;
    static String stderr;
    static Report core;

    @BeforeAll
    static void render() {
        Path snapshot = DemoSnapshot.get();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        exitCode = Main.run(TestClock.FIXED, new PrintWriter(o), new PrintWriter(e), "report", "--snapshot", snapshot.toString(),
                "--template", "monthly-consortium", "--month", "2026-10", "--format", "xlsx,csv,png,svg", "--out", out.toString());
        stdout = o.toString();
        stderr = e.toString();
        core = new ReportJob(TemplateLoader.builtIn("monthly-consortium"), Period.month(YearMonth.of(2026, 10)),
                Set.of(OutputFormat.CSV), Entitlements.NONE, null, false).compute(ReportInput.load(snapshot));
    }

    private static XSSFWorkbook workbook() throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve("monthly-consortium-2026-10.xlsx"))) {
            return new XSSFWorkbook(in);
        }
    }

    private static int totalRow(XSSFSheet sheet) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                    && row.getCell(0).getStringCellValue().equals("Total")) {
                return r;
            }
        }
        throw new AssertionError("no Total row in " + sheet.getSheetName());
    }

    @Test
    void exitsZeroAndListsEveryFile() throws Exception {
        assertThat(exitCode).as(stderr).isZero();
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("monthly-consortium-2026-10.xlsx", "monthly-consortium-2026-10-summary.csv",
                    "monthly-consortium-2026-10-projects.csv", "monthly-consortium-2026-10-cost-by-country.png",
                    "monthly-consortium-2026-10-monthly-cost-trend.svg", "monthly-consortium-2026-10-ai-technologies.png")
                    .noneMatch(n -> n.endsWith(".tmp"));
            assertThat(names).hasSize(1 + 10 + 2 * 5);
        }
        assertThat(stdout).contains("Report monthly-consortium for 2026-10");
    }

    @Test
    void workbookHasASheetPerSectionEachARealExcelTable() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("summary", "access-type", "industry", "lumi-options", "ai-tech", "cost-trend", "projects",
                    "orders", "data-quality", "provenance");
            XSSFSheet summary = wb.getSheet("summary");
            assertThat(summary.getTables()).hasSize(1);
            var table = summary.getTables().get(0);
            assertThat(table.getName()).isEqualTo("T_summary");
            assertThat(table.getCTTable().getAutoFilter()).isNotNull();
            assertThat(table.getCTTable().getTableStyleInfo().getShowRowStripes()).isTrue();
            assertThat(table.getEndCellReference().getRow()).isEqualTo(totalRow(summary) - 1);
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();
            assertThat(summary.getRow(1).getCell(table.getEndCellReference().getCol()).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0.00");
        }
    }

    @Test
    void totalsFormulasEvaluateToTheCoreTotals() throws Exception {
        ResultTable t = core.section("summary").table();
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet summary = wb.getSheet("summary");
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            Row total = summary.getRow(totalRow(summary));
            int allocations = t.columnIndex("allocations");
            int cost = t.columnIndex("cost");
            int projects = t.columnIndex("projects");

            assertThat(total.getCell(allocations).getCellFormula()).isEqualTo("SUBTOTAL(109,B2:B" + totalRow(summary) + ")");
            assertThat(eval.evaluate(total.getCell(allocations)).getNumberValue()).isEqualTo(((Long) t.totals().get(allocations)).doubleValue());
            assertThat(eval.evaluate(total.getCell(cost)).getNumberValue())
                    .isCloseTo(((BigDecimal) t.totals().get(cost)).doubleValue(), within(0.001));
            assertThat(total.getCell(projects).getCellType()).as("distinct projects are not additive").isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(projects).getNumericCellValue()).isEqualTo(((Long) t.totals().get(projects)).doubleValue());
        }
    }

    @Test
    void aKnownProjectRowMatchesTheCore() throws Exception {
        ResultTable t = core.section("projects").table();
        List<Object> known = t.rows().get(0);
        try (XSSFWorkbook wb = workbook()) {
            Row row = wb.getSheet("projects").getRow(1);
            for (int c = 0; c < known.size(); c++) {
                Cell cell = row.getCell(c);
                Object v = known.get(c);
                if (v instanceof String s) {
                    assertThat(cell.getStringCellValue()).isEqualTo(s);
                } else if (v instanceof Number n) {
                    assertThat(cell.getNumericCellValue()).isCloseTo(n.doubleValue(), within(1e-9));
                }
            }
        }
    }

    @Test
    void provenanceSheetNamesSourceTemplateAndPeriod() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet p = wb.getSheet("provenance");
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (int r = 1; r <= p.getLastRowNum(); r++) {
                Row row = p.getRow(r);
                if (row != null && row.getCell(1) != null) {
                    fields.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
                }
            }
            assertThat(fields.get("Template")).isEqualTo("monthly-consortium");
            assertThat(fields.get("Period")).isEqualTo("2026-10");
            assertThat(fields.get("Period days")).isEqualTo("2026-10-01 to 2026-10-31 (UTC, both included)");
            assertThat(fields.get("API URL")).matches("http://127\\.0\\.0\\.1:\\d+/api/");
            assertThat(fields.get("Snapshot resources")).matches("\\d+ objects, sha256 [0-9a-f]{64}");
            assertThat(fields.get("Definitions")).isEqualTo("docs/definitions.md");
            assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo("LUMI monthly consortium report, 2026-10");
            assertThat(wb.getProperties().getCustomProperties().getProperty("Template").getLpwstr()).isEqualTo("monthly-consortium");
        }
    }

    @Test
    void chartsAreNativeExcelChartsWithTheirSeries() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            List<XSSFChart> summary = wb.getSheet("summary").getDrawingPatriarch().getCharts();
            assertThat(summary).hasSize(1);
            assertThat(summary.get(0).getTitleText().getString()).isEqualTo("Cost by country share");
            assertThat(summary.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(1);
            assertThat(summary.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("summary!$" + col(core.section("summary").table(), "cost") + "$2:$"
                            + col(core.section("summary").table(), "cost") + "$" + (core.section("summary").table().rows().size() + 1));

            List<XSSFChart> industry = wb.getSheet("industry").getDrawingPatriarch().getCharts();
            assertThat(industry).hasSize(2);
            long flags = core.section("industry").table().columns().stream().filter(c -> c.key().startsWith("usage.gpu_k_hours@")).count();
            assertThat(industry.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo((int) flags);

            List<XSSFChart> trend = wb.getSheet("cost-trend").getDrawingPatriarch().getCharts();
            long countries = core.section("cost-trend").table().columns().stream().filter(c -> c.key().startsWith("cost@")).count();
            assertThat(trend.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo((int) countries).isGreaterThan(5);
            assertThat(wb.getSheet("ai-tech").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    private static String col(ResultTable t, String key) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(t.columnIndex(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "access-type", "industry", "lumi-options", "ai-tech", "cost-trend", "projects", "orders", "data-quality"})
    void csvMatchesGoldenFile(String section) throws Exception {
        Golden.assertMatches(out.resolve("monthly-consortium-2026-10-" + section + ".csv"), "monthly-consortium-2026-10-" + section + ".csv");
    }

    @Test
    void csvHeaderIsDimensionsThenMeasuresThenComparisons() throws Exception {
        String header = Files.readAllLines(out.resolve("monthly-consortium-2026-10-summary.csv")).get(0);

        assertThat(header).startsWith("country,allocations,projects,limit.cpu_k_hours,")
                .endsWith(",cost,cost_ytd,cost_change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cost-by-country", "gpu-by-country-industry", "cpu-by-country-industry", "ai-technologies",
        "monthly-cost-trend"})
    void pngAndSvgDecodeAtTheExpectedSize(String chart) throws Exception {
        var png = ImageIO.read(out.resolve("monthly-consortium-2026-10-" + chart + ".png").toFile());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Element svg = xml.newDocumentBuilder().parse(out.resolve("monthly-consortium-2026-10-" + chart + ".svg").toFile()).getDocumentElement();

        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(700);
        assertThat(svg.getTagName()).isEqualTo("svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(1200.0);
        assertThat(Double.parseDouble(svg.getAttribute("height"))).isEqualTo(700.0);
    }

    @Test
    void unknownTemplateIsAUsageError() {
        StringWriter e = new StringWriter();

        int code = Main.run(TestClock.FIXED, new PrintWriter(new StringWriter()), new PrintWriter(e), "report", "--snapshot",
                DemoSnapshot.get().toString(), "--template", "monthly", "--out", out.resolve("x").toString());

        assertThat(code).isEqualTo(2);
        assertThat(e.toString()).contains("unknown template 'monthly': not a built-in template (monthly-consortium, "
                + "funder-country-share, ai-tech-breakdown) and no such file");
    }

    @Test
    void funderTemplateWithEntitlementsAddsShareAndEntitlementColumns() throws Exception {
        Path ent = out.resolve("entitlements.yaml");
        Files.writeString(ent, "Finland: {cpu_k_hours: 0.5, gpu_k_hours: 50%, gb_k_hours: 0.5}\n");
        Path dir = out.resolve("funder");

        int code = Main.run(TestClock.FIXED, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "report", "--snapshot",
                DemoSnapshot.get().toString(), "--template", "funder-country-share", "--year", "2026", "--entitlements",
                ent.toString(), "--format", "csv", "--out", dir.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("funder-country-share-2026-shares.csv"));
        List<String> header = CsvLine.split(lines.get(0));
        assertThat(header).containsSubsequence("limit.cpu_k_hours", "limit.cpu_k_hours.share", "entitlement.cpu_k_hours");
        String finland = lines.stream().filter(l -> l.startsWith("Finland,")).findFirst().orElseThrow();
        assertThat(CsvLine.split(finland).get(header.indexOf("entitlement.gpu_k_hours"))).isEqualTo("50.0");
    }
}
