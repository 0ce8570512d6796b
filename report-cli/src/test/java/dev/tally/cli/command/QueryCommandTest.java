package dev.tally.cli.command;

import dev.tally.cli.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tally query}, black-box on the seed-42 snapshot. */
class QueryCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "query";
        all[1] = "--snapshot";
        all[2] = DemoSnapshot.get().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err), all);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void csvHeaderIsDimensionsThenMeasuresInTheOrderGiven() {
        Result r = run("--month", "2026-10", "--group-by", "is_industry,country", "--measure", "cost,allocations", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("is_industry,country,cost,allocations");
    }

    @Test
    void tableRowsAddUpToTheTotalAndAlign() {
        Result r = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Country share").endsWith("Allocations");
        long sum = lines.stream().skip(2).takeWhile(l -> !l.startsWith("---")).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        String total = lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
        assertThat(Long.parseLong(total.substring(total.lastIndexOf(' ') + 1))).isEqualTo(sum);
        assertThat(lines.get(2).length()).isEqualTo(lines.get(0).length());
    }

    @Test
    void topKeepsNGroupsAndPutsTheRestInOther() {
        Result r = run("--year", "2026", "--group-by", "country", "--measure", "cost", "--top", "3", "--format", "csv");

        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 3 + 1);
        assertThat(lines.get(4)).startsWith("Other,");
        assertThat(new BigDecimal(lines.get(1).split(",")[1])).isGreaterThanOrEqualTo(new BigDecimal(lines.get(2).split(",")[1]));
    }

    @Test
    void jsonHasColumnsRowsAndTotals() {
        Result r = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations", "--where",
                "country = 'Finland'", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"key\" : \"country\"").contains("\"country\" : \"Finland\"").contains("\"totals\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--group-by|contry|unknown dimension 'contry' at position 1",
        "--where|country ==|at position",
        "--measure|limit.tpu_k_hours|unknown component 'tpu_k_hours'"})
    void badQueriesAreUsageErrors(String option, String value, String message) {
        Result r = option.equals("--measure") ? run("--month", "2026-10", option, value)
                : run("--month", "2026-10", "--measure", "cost", option, value);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }

    @Test
    void reversedRangeIsAUsageError() {
        Result r = run("--from", "2026-10-31", "--to", "2026-10-01", "--measure", "cost");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to 2026-10-01 is before --from 2026-10-31");
    }

    @Test
    void tableNotesSayWhatWasAsked() {
        Result r = run("--group-by", "country", "--measure", "allocations", "--where", "country = 'Finland'");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("note: ")).limit(5)).containsExactly(
                "note: Period: 2026-10 (2026-10-01 to 2026-10-31)", "note: Filter: country = 'Finland'",
                "note: Grouped by: country", "note: Measures: allocations", "note: Data as of: 2026-11-01 00:00 UTC");
    }

    @Test
    void jsonCarriesAQueryObject() throws Exception {
        Result r = run("--month", "2026-10", "--group-by", "country,is_industry", "--measure", "cost,usage.gpu_k_hours",
                "--where", "is_industry = true", "--top", "3", "--sort", "-cost", "--format", "json");

        assertThat(r.code()).as(r.err()).isZero();
        var query = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("query");
        assertThat(query.toString()).isEqualTo("{\"period\":\"2026-10\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                + "\"filter\":\"is_industry = true\",\"group_by\":[\"country\",\"is_industry\"],"
                + "\"measures\":[\"cost\",\"usage.gpu_k_hours\"],\"sort\":\"-cost\",\"top\":3,"
                + "\"data_as_of\":\"2026-11-01T00:00:00Z\",\"notes\":[]}");
    }

    @Test
    void plainCsvIsUnchangedAndHeaderCommentAddsHashLinesBeforeIt() {
        Result plain = run("--month", "2026-10", "--group-by", "country", "--measure", "cost", "--format", "csv");
        Result commented = run("--month", "2026-10", "--group-by", "country", "--measure", "cost", "--format", "csv",
                "--header-comment");

        assertThat(plain.out()).startsWith("country,cost\r\n");
        assertThat(commented.out()).startsWith("# Period: 2026-10 (2026-10-01 to 2026-10-31)\r\n# Filter: none\r\n"
                + "# Grouped by: country\r\n# Measures: cost\r\n# Data as of: 2026-11-01 00:00 UTC\r\ncountry,cost\r\n");
        assertThat(commented.out().substring(commented.out().indexOf("country,cost"))).isEqualTo(plain.out());
    }

    @Test
    void headerCommentWithAnotherFormatIsAUsageError() {
        Result r = run("--measure", "cost", "--header-comment");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("--header-comment needs --format csv");
    }

    @Test
    void workbookHasWordsForHeadersTheQuestionUnderTheTableAndInItsProperties(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("q.xlsx");

        Result r = run("--month", "2026-10", "--group-by", "is_industry", "--measure", "cost,usage.gpu_k_hours", "--format", "xlsx",
                "--out", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        try (var in = java.nio.file.Files.newInputStream(file); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = wb.getSheetAt(0);
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("Industry", "Cost (EUR)", "GPU k-hours used");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Yes");
            // three flag rows, the totals row, a blank row, then the notes
            assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Period: 2026-10 (2026-10-01 to 2026-10-31)");
            assertThat(sheet.getRow(7).getCell(0).getStringCellValue()).isEqualTo("Filter: none");
            assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Grouped by: is_industry");
            assertThat(sheet.getRow(9).getCell(0).getStringCellValue()).isEqualTo("Measures: cost, usage.gpu_k_hours");
            assertThat(sheet.getRow(10).getCell(0).getStringCellValue()).isEqualTo("Data as of: 2026-11-01 00:00 UTC");
            var props = wb.getProperties();
            assertThat(props.getCoreProperties().getTitle()).isEqualTo("Tally query, 2026-10");
            assertThat(props.getCustomProperties().getProperty("Filter").getLpwstr()).isEqualTo("none");
            assertThat(props.getCustomProperties().getProperty("Measures").getLpwstr()).isEqualTo("cost, usage.gpu_k_hours");
            assertThat(props.getCustomProperties().getProperty("Data as of").getLpwstr()).isEqualTo("2026-11-01 00:00 UTC");
        }
    }

    @Test
    void aMonthAfterTheSnapshotIsRefusedWithExitTwo() {
        Result r = run("--month", "2027-01", "--measure", "cost");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("period 2027-01 starts after the snapshot's data date "
                + "2026-11-01: nothing to report yet (harvest again later, or choose a period up to 2026-11-01)");
    }

    @Test
    void aQuarterPastTheSnapshotIsCutAndTheAnswerSaysSo() {
        Result r = run("--quarter", "2026-Q4", "--measure", "allocations");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("note: Period: 2026-Q4 (2026-10-01 to 2026-11-01)\n").contains("note: Period 2026-Q4 is cut at "
                + "the snapshot's data date: it covers 2026-10-01 to 2026-11-01, not to 2026-12-31.\n");
    }
}
