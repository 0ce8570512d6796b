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
}
