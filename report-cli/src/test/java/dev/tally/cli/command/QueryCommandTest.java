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
        long sum = lines.stream().skip(2).takeWhile(l -> !l.startsWith("---")).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1).replace(",", ""))).sum();
        String total = lines.stream().filter(l -> l.startsWith("Total")).findFirst().orElseThrow();
        assertThat(Long.parseLong(total.substring(total.lastIndexOf(' ') + 1).replace(",", ""))).isEqualTo(sum);
        assertThat(lines.get(2).length()).isEqualTo(lines.get(0).length());
    }

    @Test
    void topKeepsNGroupsAndPutsTheRestInOther() {
        Result r = run("--year", "2026", "--group-by", "country", "--measure", "cost", "--top", "3", "--format", "csv");

        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(1 + 3 + 1);
        assertThat(lines.get(4)).startsWith("Other (");
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
        "--group-by|contry|unknown dimension 'contry' at position 1; did you mean 'country'?",
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

    @Test
    void accessTypeByCountry() {
        Result r = run("--month", "2026-10", "--group-by", "access_type,country", "--measure", "allocations,cost",
                "--format", "csv", "--exact");

        assertThat(r.code()).as(r.err()).isZero();
        // each country's rows add up to its summary row (golden summary CSV): Czech Republic 17 + 18 + 97 + 101 = 233,
        // Norway 20 + 75 + 157 = 252, Poland 24 + 223 = 247, Belgium 24 + 185 = 209
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                access_type,country,allocations,cost
                Benchmark,Czech Republic,17,9566.4064516129
                Development,Norway,20,14261.6774193548
                Extreme Scale,Czech Republic,18,11530.70
                Fast Track Academia,Poland,24,18625.6903225806
                Fast Track Industry,Belgium,24,8005.3935483871
                Regular,Czech Republic,97,58103.7548387097
                Regular,Norway,75,34653.4258064516
                (none),Belgium,185,79687.6516129032
                (none),Czech Republic,101,50001.1548387097
                (none),Denmark,270,126213.8870967742
                (none),Estonia,137,66093.4580645161
                (none),Finland,560,268657.3838709677
                (none),Iceland,106,52831.9483870968
                (none),Norway,157,77604.7193548387
                (none),Poland,223,110599.8870967742
                (none),Sweden,368,160038.0548387097
                (none),Switzerland,207,125642.3467741935
                (none),LUMI-O object storage,208,1820.4025806452
                (none),Training sandbox,87,0.00
                """));
    }

    @Test
    void shareAndChangeMeasuresAnswerWhatAFunderAsks() {
        Result r = run("--month", "2026-10", "--group-by", "country", "--measure", "cost,share.cost,change.cost,change_pct.cost",
                "--where", "country in ('Finland','Belgium')", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        // the changes are the summary golden's: Belgium 87,693.05 in 2026-10, 2,489.75 more than in 2026-09
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                country,cost,share.cost,change.cost,change_pct.cost
                Belgium,87693.05,24.6,2489.75,2.9
                Finland,268657.38,75.4,14346.48,5.6
                """));
    }

    @Test
    void aFilterValueNoAllocationHasWarnsWithTheKnownValues() {
        Result r = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations", "--where", "country = 'Fnland'",
                "--format", "csv");

        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("tally: warning: no allocation has country 'Fnland'; known values: Belgium, Czech Republic,")
                .contains("Finland");
        assertThat(r.out().lines()).containsExactly("country,allocations");
    }

    @Test
    void containsAndLikeFilterByPartOfALabel() {
        Result contains = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations", "--where",
                "country contains 'land'", "--format", "csv");
        Result like = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations", "--where",
                "country like '%land'", "--format", "csv");

        assertThat(contains.out().lines()).extracting(l -> l.split(",")[0])
                .containsExactly("country", "Finland", "Iceland", "Poland", "Switzerland");
        assertThat(like.out()).isEqualTo(contains.out());
    }

    @Test
    void accessTypeFilter() {
        Result r = run("--month", "2026-10", "--group-by", "country", "--measure", "allocations,cost", "--where",
                "access_type = 'Regular'", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        // CSV money is rounded to the cent unless --exact
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                country,allocations,cost
                Czech Republic,97,58103.75
                Norway,75,34653.43
                """));
    }

    @Test
    void fieldOfScienceFromTheProjects() {
        Result r = run("--month", "2026-10", "--group-by", "field_of_science", "--measure", "allocations,projects,cost",
                "--format", "csv", "--exact");

        assertThat(r.code()).as(r.err()).isZero();
        // the emulator's projects carry 29 of the codes; 1 in 10 has none (null or blank)
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                field_of_science,allocations,projects,cost
                1.1 Mathematics,82,50,29793.4509677419
                1.2 Computer and information sciences,83,53,38790.6858064516
                1.3 Physical sciences,93,48,41727.6251612903
                1.4 Chemical sciences,66,43,22659.4606451613
                1.5 Earth and related environmental sciences,104,61,44922.3951612903
                1.6 Biological sciences,115,65,49635.8461290323
                1.7 Other natural sciences,100,62,43866.9896774194
                2.1 Civil engineering,112,60,52377.0306451613
                "2.2 Electrical, electronic and information engineering",72,50,33848.0219354839
                2.3 Mechanical engineering,83,54,33164.7580645161
                2.4 Chemical engineering,78,47,40204.0090322581
                2.5 Materials engineering,77,52,32501.9438709677
                2.6 Medical engineering,95,60,34114.0825806452
                2.7 Environmental engineering,109,64,50745.7161290323
                2.8 Environmental biotechnology,91,57,45384.9832258065
                2.9 Industrial biotechnology,84,47,34410.2177419355
                2.10 Nano-technology,72,43,23496.4390322581
                2.11 Other engineering and technologies,72,46,37516.4209677419
                3.1 Basic medicine,93,56,55056.4532258065
                3.2 Clinical medicine,100,59,44367.6687096774
                3.3 Health sciences,106,61,53947.7306451613
                "4.1 Agriculture, forestry and fisheries",81,52,30977.0970967742
                4.2 Animal and dairy science,96,60,51246.4209677419
                5.1 Psychology,78,45,27763.2241935484
                5.2 Economics and business,95,63,43503.3709677419
                5.4 Sociology,89,52,38672.8532258065
                6.1 History and archaeology,88,51,39428.8890322581
                6.2 Languages and literature,87,49,41245.6212903226
                6.5 Other humanities,121,67,49676.0170967742
                (none),262,157,108892.5196774194
                """));
    }

    @Test
    void topFiveAllocations() {
        Result r = run("--month", "2026-10", "--group-by", "allocation", "--measure", "cost", "--top", "5",
                "--format", "csv", "--exact");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                allocation,cost
                Fusion plasma pilot 1484 / 2023 (f78a311ea2694812a0f4e5c1b24abfed),4215.00
                Materials discovery study 3126 / 2025 (60dcf713852b4ac2a9c5ce752e6ee7c6),3675.00
                Epidemiology training 6173 (2e31d7c8f524486289f45f70c353834e),3550.00
                Protein folding pilot 4752 / 2026 (da0116ac3b9b4fcb9e945f197083118a),3550.00
                Ocean circulation consortium 5358 (03fd26f1da4b4f9c8978c1abd7cc4a20),3505.00
                Other (2879 more),1255442.9429032258
                """));
    }

    @Test
    void anAllocationByItsUuid() {
        Result r = run("--month", "2026-10", "--group-by", "allocation", "--measure", "cost,limit.cpu_k_hours", "--where",
                "allocation = 'f78a311ea2694812a0f4e5c1b24abfed'", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactlyElementsOf(lines("""
                allocation,cost,limit.cpu_k_hours
                Fusion plasma pilot 1484 / 2023 (f78a311ea2694812a0f4e5c1b24abfed),4215.00,25000
                """));
    }

    /** The CSV renderer ends records with CRLF, the text blocks with LF: compare line by line. */
    private static java.util.List<String> lines(String text) {
        return text.lines().toList();
    }
}
