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
    static final String SUMMARY = "Summary per country share";

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
        return open(out.resolve("monthly-consortium-2026-10.xlsx"));
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    /** {@code tally report} of the ai-tech-breakdown template as xlsx into {@code dir}, with {@code options}. */
    private static CliRun aiTechWorkbook(Path dir, String... options) {
        List<String> args = new ArrayList<>(List.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template",
                "ai-tech-breakdown", "--format", "xlsx", "--out", dir.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
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
            assertThat(names).hasSize(1 + 11 + 2 * 6);
        }
        assertThat(stdout).contains("Report monthly-consortium for 2026-10");
    }

    @Test
    void workbookHasASheetPerSectionEachARealExcelTable() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Cover", "Summary per country share", "Allocations by access type", "GPU and CPU k-hours by country",
                    "Industry, commercial", "AI technologies", "Monthly cost per country share", "Monthly GPU use per country", "Projects",
                    "Orders of the month by type", "Data-quality findings", "Provenance");
            XSSFSheet summary = wb.getSheet(SUMMARY);
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
            XSSFSheet summary = wb.getSheet(SUMMARY);
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
            Row row = wb.getSheet("Projects").getRow(1);
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
            XSSFSheet p = wb.getSheet("Provenance");
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
            assertThat(fields.get("Source API")).matches("Waldur marketplace API at http://127\\.0\\.0\\.1:\\d+/api/");
            assertThat(fields.get("Harvest started")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            // no repository or local path anywhere in the provenance or the document properties
            assertThat(fields.values()).noneMatch(v -> v.contains("/tmp") || v.contains(".yaml") || v.contains("docs/"));
            assertThat(wb.getProperties().getCustomProperties().getUnderlyingProperties().getPropertyList())
                    .noneMatch(prop -> prop.getLpwstr() != null && (prop.getLpwstr().contains(".yaml") || prop.getLpwstr().contains("docs/")));
            assertThat(fields.get("Snapshot resources")).matches("\\d+ objects, sha256 [0-9a-f]{64}");
            assertThat(fields.get("Definitions")).isEqualTo("the Definitions chapter of Tally's documentation");
            assertThat(fields.get("Template source")).isEqualTo("built-in template monthly-consortium");
            assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo("LUMI monthly consortium report, 2026-10");
            assertThat(wb.getProperties().getCustomProperties().getProperty("Template").getLpwstr()).isEqualTo("monthly-consortium");
        }
    }

    @Test
    void chartsAreNativeExcelChartsWithTheirSeries() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            List<XSSFChart> summary = wb.getSheet(SUMMARY).getDrawingPatriarch().getCharts();
            assertThat(summary).hasSize(1);
            assertThat(summary.get(0).getTitleText().getString()).isEqualTo("Cost by country share, 2026-10");
            assertThat(summary.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(1);
            assertThat(summary.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference())
                    .isEqualTo("'" + SUMMARY + "'!$" + col(core.section("summary").table(), "cost") + "$2:$"
                            + col(core.section("summary").table(), "cost") + "$" + (core.section("summary").table().rows().size() + 1));

            List<XSSFChart> industry = wb.getSheet("GPU and CPU k-hours by country").getDrawingPatriarch().getCharts();
            assertThat(industry).hasSize(2);
            long flags = core.section("industry").table().columns().stream().filter(c -> c.key().startsWith("usage.gpu_k_hours@")).count();
            assertThat(industry.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo((int) flags);

            List<XSSFChart> trend = wb.getSheet("Monthly cost per country share").getDrawingPatriarch().getCharts();
            long countries = core.section("cost-trend").table().columns().stream().filter(c -> c.key().startsWith("cost@")).count();
            assertThat(trend.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo((int) countries).isGreaterThan(5);
            assertThat(wb.getSheet("AI technologies").getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    private static String col(ResultTable t, String key) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(t.columnIndex(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary", "access-type", "industry", "lumi-options", "ai-tech", "cost-trend", "usage-trend", "projects", "orders", "data-quality"})
    void csvMatchesGoldenFile(String section) throws Exception {
        Golden.assertMatches(out.resolve("monthly-consortium-2026-10-" + section + ".csv"), "monthly-consortium-2026-10-" + section + ".csv");
    }

    @Test
    void csvHeaderIsDimensionsThenMeasuresThenComparisons() throws Exception {
        String header = Files.readAllLines(out.resolve("monthly-consortium-2026-10-summary.csv")).get(0);

        assertThat(header).startsWith("country,allocations,projects,limit.cpu_k_hours,")
                .endsWith(",cost,share.cost,change.cost,change_pct.cost,cost_ytd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cost-by-country", "gpu-by-country-industry", "cpu-by-country-industry", "ai-technologies",
        "monthly-cost-trend", "monthly-gpu-usage-trend"})
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
    void funderTemplateWithEntitlementsAddsShareAndEntitlementColumns(@TempDir Path dir) throws Exception {
        List<String> lines = entitledCsv(dir, "funder-country-share-2026-shares.csv", "--template", "funder-country-share", "--year", "2026");

        assertThat(CsvLine.split(lines.get(0))).containsSubsequence("limit.cpu_k_hours", "limit.cpu_k_hours.share", "entitlement.cpu_k_hours");
        assertThat(finlands(lines, "entitlement.gpu_k_hours")).isEqualTo("50.0");
    }

    @Test
    void monthlyTemplateWithEntitlementsShowsEachSharesEntitlement(@TempDir Path dir) throws Exception {
        List<String> lines = entitledCsv(dir, "monthly-consortium-2026-10-summary.csv", "--template", "monthly-consortium", "--month", "2026-10");

        assertThat(CsvLine.split(lines.get(0))).containsSubsequence("limit.gpu_k_hours", "limit.gpu_k_hours.share", "entitlement.gpu_k_hours");
        assertThat(finlands(lines, "entitlement.gpu_k_hours")).isEqualTo("50.0");
        // without the file, the golden summary has no entitlement column
        assertThat(Golden.read("monthly-consortium-2026-10-summary.csv").lines().findFirst().orElseThrow()).doesNotContain("entitlement");
    }

    /** The lines of {@code csv} from a report over the demo snapshot with Finland entitled to half of each component. */
    private static List<String> entitledCsv(Path dir, String csv, String... templateAndPeriod) throws Exception {
        Path ent = dir.resolve("entitlements.yaml");
        Files.writeString(ent, "Finland: {cpu_k_hours: 0.5, gpu_k_hours: 50%, gb_k_hours: 0.5}\n");
        List<String> args = new ArrayList<>(List.of("report", "--snapshot", DemoSnapshot.get().toString()));
        args.addAll(List.of(templateAndPeriod));
        args.addAll(List.of("--entitlements", ent.toString(), "--format", "csv", "--out", dir.toString()));
        int code = Main.run(TestClock.FIXED, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                args.toArray(String[]::new));
        assertThat(code).isZero();
        return Files.readAllLines(dir.resolve(csv));
    }

    private static String finlands(List<String> lines, String column) {
        List<String> header = CsvLine.split(lines.get(0));
        String finland = lines.stream().filter(l -> l.startsWith("Finland,")).findFirst().orElseThrow();
        return CsvLine.split(finland).get(header.indexOf(column));
    }

    private static List<String> row(XSSFSheet sheet, int r) {
        List<String> out = new ArrayList<>();
        sheet.getRow(r).forEach(c -> out.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : "#" + c.getNumericCellValue()));
        return out;
    }

    @Test
    void dataQualitySheetLeadsWithTheCountPerKindAndNamesEachFindingsAllocation() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet dq = wb.getSheet("Data-quality findings");
            assertThat(row(dq, 0)).containsExactly("Check", "Severity", "Findings", "What it means", "Check key");
            long counted = 0;
            int r = 1;
            for (; dq.getRow(r).getCell(2) != null && dq.getRow(r).getCell(2).getCellType() == CellType.NUMERIC; r++) {
                counted += (long) dq.getRow(r).getCell(2).getNumericCellValue();
            }
            List<List<Object>> findings = core.section("data-quality").table().rows();
            assertThat(counted).isEqualTo(findings.size()).isGreaterThan(100);
            while (dq.getRow(r) == null || !row(dq, r).get(0).equals("Severity")) {
                r++;
            }
            assertThat(row(dq, r)).containsExactly("Severity", "Check", "Allocation", "Project", "Country share", "Subject", "Finding",
                    "Check key");
            assertThat(dq.getRepeatingRows().getFirstRow()).isEqualTo(r);
            List<String> first = row(dq, r + 1);
            assertThat(first.get(2)).isEqualTo(findings.get(0).get(2)).isNotBlank();
            assertThat(first.subList(3, 5)).doesNotContain("");
            // the check in words a reader acts on, its key beside the finding
            assertThat(first.get(1)).isEqualTo("Usage above limit");
            assertThat(first.get(7)).isEqualTo("usage_above_limit");
            List<String> kinds = new ArrayList<>();
            for (int k = 1; dq.getRow(k) != null && dq.getRow(k).getCell(2) != null
                    && dq.getRow(k).getCell(2).getCellType() == CellType.NUMERIC; k++) {
                kinds.add(row(dq, k).get(0) + " = " + row(dq, k).get(4));
            }
            assertThat(kinds).contains("Usage above limit = usage_above_limit").allMatch(k -> !k.startsWith("usage_") && !k.contains("_ ="));
        }
    }

    @Test
    void chartsSitWhereTheyAreSeenNotFarRight() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            for (XSSFSheet sheet : List.of(wb.getSheet(SUMMARY), wb.getSheet("Monthly cost per country share"))) {
                for (var shape : sheet.getDrawingPatriarch().getShapes()) {
                    var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) shape.getAnchor();
                    // the summary is 23 columns wide: its chart goes under the table and its notes, at column A
                    assertThat(anchor.getCol1()).as(sheet.getSheetName()).isZero();
                    assertThat(anchor.getRow1()).as(sheet.getSheetName()).isGreaterThan(totalRow(sheet));
                }
            }
            var gaps = wb.getSheet("Monthly GPU use per country").getDrawingPatriarch().getCharts().get(0).getCTChart().getDispBlanksAs();
            assertThat(gaps.getVal().toString()).isEqualTo("gap");
        }
    }

    @Test
    void headersAreWordsForPeopleWithTheCurrency() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            // Training sandbox is no country share, so the heading says so
            assertThat(row(wb.getSheet(SUMMARY), 0)).containsExactly("Country share or other offering", "Allocations", "Distinct projects",
                    "CPU k-hours allocated", "CPU k-hours allocated, share of total", "GPU k-hours allocated",
                    "GPU k-hours allocated, share of total", "GB k-hours allocated", "GB k-hours allocated, share of total",
                    "CPU k-hours used", "CPU k-hours used, share of total", "GPU k-hours used", "GPU k-hours used, share of total",
                    "GB k-hours used", "GB k-hours used, share of total", "CPU k-hours utilisation", "GPU k-hours utilisation",
                    "GB k-hours utilisation", "Cost (EUR)", "Cost (EUR), share of total", "Cost (EUR), change from previous period",
                    "Cost (EUR), change from previous period (%)", "Cost year to date (EUR)");
            assertThat(row(wb.getSheet("GPU and CPU k-hours by country"), 0)).containsExactly("Country share or other offering",
                    "GPU k-hours used, Industry: Yes", "GPU k-hours used, Industry: No", "GPU k-hours used, Industry: Not set",
                    "GPU k-hours used, total", "CPU k-hours used, Industry: Yes", "CPU k-hours used, Industry: No",
                    "CPU k-hours used, Industry: Not set", "CPU k-hours used, total");
            assertThat(row(wb.getSheet("Monthly cost per country share"), 0)).startsWith("Month", "Cost (EUR), Belgium",
                    "Cost (EUR), Czech Republic");
        }
    }

    @Test
    void optionValuesReadYesNoNotSetInTheWorkbookOnly() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet options = wb.getSheet("Industry, commercial");

            assertThat(row(options, 0).subList(0, 3)).containsExactly("Industry", "Commercial", "Training");
            assertThat(row(options, 1).subList(0, 3)).containsExactly("Yes", "Yes", "Yes");
        }
        assertThat(Files.readAllLines(out.resolve("monthly-consortium-2026-10-lumi-options.csv")).get(1)).startsWith("true,true,true,");
    }

    @Test
    void chartLegendsAndAxesUseWordsNotKeys() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFChart gpu = wb.getSheet("GPU and CPU k-hours by country").getDrawingPatriarch().getCharts().get(0);
            var bars = gpu.getCTChart().getPlotArea().getBarChartArray(0);

            // the axis names the measure; a legend entry names what the series stands for
            assertThat(bars.getSerArray(0).getTx().getV()).isEqualTo("Industry: Yes");
            assertThat(bars.getSerArray(2).getTx().getV()).isEqualTo("Industry: Not set");
        }
    }

    @Test
    void coverSheetComesFirstWithTitlePeriodDataTimeContentsAndUnits() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            XSSFSheet cover = wb.getSheetAt(0);

            assertThat(cover.getSheetName()).isEqualTo("Cover");
            assertThat(row(cover, 0)).containsExactly("LUMI monthly consortium report");
            assertThat(row(cover, 1)).containsExactly("Period", "2026-10 (2026-10-01 to 2026-10-31)");
            assertThat(row(cover, 2)).containsExactly("Data as of", "2026-11-01 00:00 UTC");
            assertThat(row(cover, 4)).containsExactly("Contents", "");
            assertThat(row(cover, 5)).containsExactly(SUMMARY, "Summary per country share, 2026-10");
            assertThat(cover.getRow(5).getCell(0).getHyperlink().getAddress()).isEqualTo("'" + SUMMARY + "'!A1");
            // one contents row per section (ten, the access-type section second), then a blank row
            assertThat(row(cover, 6)).containsExactly("Allocations by access type", "Allocations by access type, 2026-10");
            assertThat(row(cover, 15)).containsExactly("Provenance", "Provenance");
            assertThat(row(cover, 17)).containsExactly("Units", "");
            assertThat(row(cover, 18)).containsExactly("", "CPU k-hours: thousands of CPU core-hours.");
            assertThat(row(cover, 19)).containsExactly("", "GPU k-hours: thousands of GPU-hours.");
            assertThat(row(cover, 20)).containsExactly("", "GB k-hours: thousands of GB-hours, that is TB-hours.");
            assertThat(row(cover, 21)).containsExactly("", "Costs in EUR.");
            assertThat(cover.getLastRowNum()).isEqualTo(21);
        }
    }

    @Test
    void everySheetHasThePrintSetup() throws Exception {
        try (XSSFWorkbook wb = workbook()) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                String quoted = "'" + sheet.getSheetName() + "'";
                String name = sheet.getSheetName().matches("\\w+") ? sheet.getSheetName() : quoted;
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(wb.getNames(org.apache.poi.xssf.usermodel.XSSFName.BUILTIN_PRINT_TITLE).stream()
                        .filter(n -> n.getSheetIndex() == wb.getSheetIndex(sheet)).map(n -> n.getRefersToFormula()))
                        // the data-quality sheet's table starts under the count per kind of finding, one row per kind
                        .containsExactly(name + (sheet.getSheetName().startsWith("Data-quality") ? "!$7:$7" : "!$1:$1"));
                assertThat(sheet.getHeader().getRight()).isEqualTo("LUMI monthly consortium report, 2026-10");
                assertThat(sheet.getFooter().getLeft()).isEqualTo("Data as of 2026-11-01 00:00 UTC");
                assertThat(sheet.getFooter().getRight()).isEqualTo("Page &P of &N");
            }
            assertThat(wb.getSheet(SUMMARY).getHeader().getLeft()).isEqualTo("Summary per country share, 2026-10");
        }
    }

    @Test
    void aMonthPastTheSnapshotIsCutAtItsDateAndTheCoverSaysSo(@TempDir Path dir) throws Exception {
        CliRun run = aiTechWorkbook(dir, "--month", "2026-11");

        assertThat(run.code()).as(run.err()).isZero();
        try (XSSFWorkbook wb = open(dir.resolve("ai-tech-breakdown-2026-11.xlsx"))) {
            XSSFSheet cover = wb.getSheetAt(0);
            assertThat(row(cover, 1)).containsExactly("Period", "2026-11 (2026-11-01 to 2026-11-01)");
            assertThat(row(cover, 3)).containsExactly("Note",
                    "Period 2026-11 is cut at the snapshot's data date: it covers 2026-11-01 to 2026-11-01, not to 2026-11-30.");
        }
    }

    @Test
    void aMonthWhollyAfterTheSnapshotIsRefusedWithExitTwo(@TempDir Path dir) {
        CliRun run = aiTechWorkbook(dir, "--month", "2026-12");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow()).isEqualTo("period 2026-12 starts after the "
                + "snapshot's data date 2026-11-01: nothing to report yet (harvest again later, or choose a period up to 2026-11-01)");
        assertThat(Files.exists(dir.resolve("ai-tech-breakdown-2026-12.xlsx"))).isFalse();
    }

    @Test
    void currencyOptionNamesTheCurrencyInHeaders(@TempDir Path dir) throws Exception {
        CliRun run = aiTechWorkbook(dir, "--currency", "chf");

        assertThat(run.code()).as(run.err()).isZero();
        try (XSSFWorkbook wb = open(dir.resolve("ai-tech-breakdown-2026-10.xlsx"))) {
            assertThat(row(wb.getSheetAt(1), 0)).contains("Cost (CHF)");
        }
    }

    @Test
    void pngAndSvgChartsUseWordsInLegendsAndCategories() throws Exception {
        String svg = Files.readString(out.resolve("monthly-consortium-2026-10-gpu-by-country-industry.svg"));

        assertThat(svg).contains("GPU k-hours used by country share, stacked by industry flag, 2026-10")
                .contains("Industry: Yes").contains("Industry: Not set")
                .doesNotContain("usage.gpu_k_hours").doesNotContain("Usage gpu_k_hours");
    }
}
