package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.ScriptedChanges;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally report --previous}: the Restated section of the monthly report after the scripted changes. */
class RestatedReportTest {
    private static final ScriptedChanges CHANGES = ScriptedChanges.get();
    private static final String BASE = "monthly-consortium-2026-11";

    @TempDir
    static Path out;
    static Path with;
    static Path without;
    static List<List<String>> restated;

    @BeforeAll
    static void render() throws Exception {
        with = out.resolve("with");
        without = out.resolve("without");
        CliRun r = CliRun.of("report", "--snapshot", CHANGES.after.toString(), "--previous", CHANGES.before.toString(),
                "--template", "monthly-consortium", "--month", "2026-11", "--format", "xlsx,csv", "--out", with.toString());
        assertThat(r.code()).as(r.err()).isZero();
        CliRun plain = CliRun.of("report", "--snapshot", CHANGES.after.toString(), "--template", "monthly-consortium",
                "--month", "2026-11", "--format", "csv", "--out", without.toString());
        assertThat(plain.code()).as(plain.err()).isZero();
        restated = Files.readAllLines(with.resolve(BASE + "-restated.csv")).stream().skip(1).map(CsvLine::split).toList();
    }

    /** Rows: month, level, subject, figure, old k-hours, new k-hours, old cost, new cost, cause. */
    private static List<List<String>> rows(String level, String subjectPart, String figure) {
        return restated.stream().filter(r -> r.get(1).equals(level) && r.get(2).contains(subjectPart) && r.get(3).equals(figure))
                .toList();
    }

    @Test
    void restatesTheLateUsageOfTheAllocationWithItsOldAndNewValue() {
        List<List<String>> late = rows("allocation", CHANGES.late.uuid(), "Usage gpu_k_hours");

        assertThat(late).hasSize(1);
        assertThat(late.get(0).get(0)).isEqualTo("2026-10");
        assertThat(new BigDecimal(late.get(0).get(4))).isEqualByComparingTo(CHANGES.usageBefore == null ? BigDecimal.ZERO
                : CHANGES.usageBefore);
        assertThat(new BigDecimal(late.get(0).get(5))).isEqualByComparingTo(CHANGES.usageAfter);
        assertThat(late.get(0).get(8)).isEqualTo("usage gpu_k_hours for 2026-10 "
                + (CHANGES.usageBefore == null ? "reported late (none → " : "corrected (" + CHANGES.usageBefore.toPlainString() + " → ")
                + CHANGES.usageAfter.toPlainString() + ")");
    }

    @Test
    void restatesTheCountryShareTotalByTheLateAmount() {
        List<List<String>> share = restated.stream().filter(r -> r.get(0).equals("2026-10") && r.get(1).equals("country share")
                && r.get(3).equals("Usage gpu_k_hours") && r.get(8).contains(CHANGES.late.uuid())).toList();

        assertThat(share).hasSize(1);
        assertThat(new BigDecimal(share.get(0).get(5)).subtract(new BigDecimal(share.get(0).get(4))))
                .isEqualByComparingTo(ScriptedChanges.LATE_GPU);
        assertThat(new BigDecimal(share.get(0).get(4))).isEqualByComparingTo(summaryUsage(CHANGES.before, share.get(0).get(2)));
        assertThat(new BigDecimal(share.get(0).get(5))).isEqualByComparingTo(summaryUsage(CHANGES.after, share.get(0).get(2)));
    }

    /** The share's October GPU usage as tally query gives it on one snapshot. */
    private static BigDecimal summaryUsage(Path snapshot, String share) {
        CliRun q = CliRun.of("query", "--snapshot", snapshot.toString(), "--month", "2026-10", "--group-by", "country",
                "--measure", "usage.gpu_k_hours", "--format", "csv", "--no-total");
        return q.out().lines().map(CsvLine::split).filter(r -> r.get(0).equals(share)).map(r -> new BigDecimal(r.get(1)))
                .findFirst().orElseThrow();
    }

    @Test
    void restatesTheCostOfEveryAllocationOnTheRepricedPlanAsTheQueryGivesIt() {
        String uuid = CHANGES.repriced.get(0).uuid();
        List<List<String>> cost = rows("allocation", uuid, "Cost");

        assertThat(cost).isNotEmpty();
        List<String> first = cost.get(0);
        assertThat(first.get(6)).isEqualTo(allocationCost(CHANGES.before, first.get(0), uuid));
        assertThat(first.get(7)).isEqualTo(allocationCost(CHANGES.after, first.get(0), uuid));
        assertThat(new BigDecimal(first.get(7))).isGreaterThan(new BigDecimal(first.get(6)));
        assertThat(first.get(8)).startsWith("prices of plan ").contains(CHANGES.plan + ") changed: ");
        for (var repriced : CHANGES.repriced) {
            assertThat(rows("allocation", repriced.uuid(), "Cost")).as(repriced.uuid()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get(0)).isLessThan("2026-11"));
        }
    }

    /** One allocation's cost in one month as tally query gives it. */
    private static String allocationCost(Path snapshot, String month, String uuid) {
        CliRun q = CliRun.of("query", "--snapshot", snapshot.toString(), "--month", month, "--group-by", "allocation",
                "--measure", "cost", "--where", "allocation = '" + uuid + "'", "--format", "csv", "--no-total");
        assertThat(q.code()).as(q.err()).isZero();
        return CsvLine.split(q.out().lines().skip(1).findFirst().orElseThrow()).get(1);
    }

    @Test
    void theLimitCutAndTheTerminationRestateNoClosedMonth() {
        assertThat(restated).noneMatch(r -> r.get(2).contains(CHANGES.cut.uuid()) || r.get(2).contains(CHANGES.terminated.uuid()));
        assertThat(restated).extracting(r -> r.get(0)).allMatch(m -> m.compareTo("2026-11") < 0);
    }

    @Test
    void theCutAndTheTerminationAreListedAsChangesInAnOpenMonthWithTheirExactValues() throws Exception {
        List<List<String>> open = Files.readAllLines(with.resolve(BASE + "-restated-open.csv")).stream().map(CsvLine::split).toList();
        String day = "2026-11-01";

        assertThat(open).containsExactly(
                List.of("month", "allocation", "project", "country", "change", "old", "new", "effective"),
                List.of("2026-11", CHANGES.cut.name() + " (" + CHANGES.cut.uuid() + ")", CHANGES.cut.projectName(), "Finland",
                        "limit gpu_k_hours", CHANGES.gpuBefore.toPlainString(), CHANGES.gpuAfter.toPlainString(), day),
                List.of("2026-11", CHANGES.terminated.name() + " (" + CHANGES.terminated.uuid() + ")", CHANGES.terminated.projectName(),
                        "Finland", "state", "active", "terminated on " + day, day));
    }

    @Test
    void theWorkbookHasARestatedSheetBeforeDataQuality() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(with.resolve(BASE + ".xlsx")))) {
            int restatedSheet = wb.getSheetIndex("Restated");
            assertThat(restatedSheet).isPositive();
            // the second part, clearly titled: what changed in an open month, which restates nothing
            assertThat(wb.getSheetName(restatedSheet + 1)).isEqualTo("Changed, not restated");
            assertThat(wb.getSheet("Changed, not restated").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Month affected");
            assertThat(wb.getSheet("Changed, not restated").getHeader().getLeft())
                    .isEqualTo("Changed since the previous report, taking effect in an open month (not restatements)");
            assertThat(wb.getSheetName(restatedSheet + 2)).isEqualTo("Data-quality findings");
            assertThat(wb.getSheet("Restated").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Month");
            assertThat(wb.getSheet("Restated").getLastRowNum()).isGreaterThanOrEqualTo(restated.size());
        }
    }

    @Test
    void everyOtherSectionIsAsWithoutThePreviousSnapshot() throws Exception {
        try (var files = Files.list(without)) {
            for (Path f : files.toList()) {
                assertThat(with.resolve(f.getFileName().toString())).as(f.getFileName().toString()).hasSameBinaryContentAs(f);
            }
        }
        assertThat(without.resolve(BASE + "-restated.csv")).doesNotExist();
        assertThat(without.resolve(BASE + "-restated-open.csv")).doesNotExist();
    }

    @Test
    void aDamagedPreviousSnapshotIsAUsageError() {
        Path missing = out.resolve("none");

        CliRun r = CliRun.of("report", "--snapshot", CHANGES.after.toString(), "--previous", missing.toString(),
                "--template", "monthly-consortium", "--out", out.resolve("x").toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("--previous: no snapshot at " + missing + ": directory does not exist");
    }
}
