package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input that would exhaust the stack or take minutes meets a documented bound (docs/reliability.md):
 * a one-line usage error and exit 2, never a stack trace.
 */
class InputBoundsTest {
    private static final String HELP = "Try 'tally query --help' for more information.";

    private static CliRun query(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "query";
        all[1] = "--snapshot";
        all[2] = DemoSnapshot.get().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    private static String repeat(String s, int times) {
        return String.join("", Collections.nCopies(times, s));
    }

    private static void assertUsageError(CliRun r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(message, HELP);
        assertThat(r.out()).isEmpty();
    }

    private static CliRun where(String filter) {
        return query("--month", "2026-10", "--measure", "allocations", "--format", "csv", "--where", filter);
    }

    @Test
    void aFilterAtEveryLimitAtOnceRunsAndGivesWhatItsOneDistinctTestGives() {
        // 50 parentheses around 500 tests that all say the same thing.
        String filter = repeat("(", 50) + String.join(" or ", Collections.nCopies(500, "year = 2026")) + repeat(")", 50);
        CliRun bounded = where(filter);
        CliRun plain = where("year = 2026");

        assertThat(bounded.code()).as(bounded.err()).isZero();
        assertThat(bounded.out()).isEqualTo(plain.out());
    }

    @Test
    void fourThousandNestedParenthesesAreRefusedAtTheFiftyFirst() {
        assertUsageError(where(repeat("(", 4_000) + "year = 2026" + repeat(")", 4_000)),
                "the filter nests parentheses and 'not' more than 50 deep at position 51");
    }

    @Test
    void aLongChainOfNotsIsRefusedAtTheFiftyFirst() {
        assertUsageError(where(repeat("not ", 2_000) + "year = 2026"),
                "the filter nests parentheses and 'not' more than 50 deep at position 201");
    }

    @Test
    void aLongAndChainIsRefusedAtTest501() {
        // Each "year = 2026 and " is 16 characters: test 501 starts at 16 * 500 + 1.
        assertUsageError(where(String.join(" and ", Collections.nCopies(600, "year = 2026"))),
                "the filter has more than 500 tests at position 8001");
    }

    @Test
    void aFilterOfAMillionCharactersIsRefusedByItsLength() {
        assertUsageError(where("project = '" + "x".repeat(1_000_000) + "'"),
                "the filter is 1000012 characters long; the limit is 10000");
    }

    @Test
    void aHugeValueIsRefusedWhereItStarts() {
        assertUsageError(where("project = '" + "x".repeat(5_000) + "'"),
                "a value of 5000 characters (the limit is 1000) at position 11");
    }

    @Test
    void anInListOfTwoThousandValuesIsRefusedAtValue1001() {
        // "project in (" is 12 characters and each "'p'," 4: value 1001 starts at 12 + 4 * 1000 + 1.
        assertUsageError(where("project in (" + repeat("'p',", 1_999) + "'p')"),
                "the 'in' list has more than 1000 values at position 4013");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--from 0001-01-01 --to 9999-12-31 | period 0001-01-01..9999-12-31 lies outside the years 1000 to 9999",
        "--from 1900-01-01 --to 2026-10-31 | period 1900-01-01..2026-10-31 is longer than 100 years",
        "--year 99999                      | period 99999 lies outside the years 1000 to 9999",
        "--year -5                         | period -5 lies outside the years 1000 to 9999",
        "--year 2147483647                 | period 2147483647 lies outside the years 1000 to 9999"})
    void absurdPeriodsAreRefusedWithOneLine(String period, String message) {
        String[] p = period.strip().split(" ");
        String[] args = new String[p.length + 2];
        System.arraycopy(p, 0, args, 0, p.length);
        args[p.length] = "--measure";
        args[p.length + 1] = "cost";

        assertUsageError(query(args), message);
    }

    @Test
    void aCenturyEndingAtTheDataDateStillRuns() {
        CliRun r = query("--from", "1926-11-01", "--to", "2026-10-31", "--measure", "allocations", "--format", "csv");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst()).contains("allocations");
    }
}
