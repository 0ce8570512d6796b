package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The bounds every filter is held to (docs/reliability.md): one line each, never a stack overflow. */
class FilterBoundsTest {
    private static String repeat(String s, int times) {
        return String.join("", Collections.nCopies(times, s));
    }

    private static String chain(int tests) {
        return String.join(" or ", Collections.nCopies(tests, "year = 2025"));
    }

    @Test
    void fiftyParenthesesParseAndTheFiftyFirstIsRefusedWhereItOpens() {
        assertThat(Filter.parse(repeat("(", 50) + "year = 2025" + repeat(")", 50))).isInstanceOf(Filter.Compare.class);

        assertThatThrownBy(() -> Filter.parse(repeat("(", 51) + "year = 2025" + repeat(")", 51)))
                .isInstanceOf(QueryException.class)
                .hasMessage("the filter nests parentheses and 'not' more than 50 deep at position 51");
    }

    @Test
    void aLongRunOfNotCountsAsNesting() {
        // "not " is 4 characters, so the 51st starts at 4 * 50 + 1.
        assertThatThrownBy(() -> Filter.parse(repeat("not ", 51) + "year = 2025"))
                .isInstanceOf(QueryException.class)
                .hasMessage("the filter nests parentheses and 'not' more than 50 deep at position 201");
    }

    @Test
    void anOrChainOfFiveHundredTestsParsesAndTheFiveHundredAndFirstIsRefused() {
        assertThat(Filter.parse(chain(500))).isInstanceOf(Filter.Or.class);

        // Each "year = 2025 or " is 15 characters: test 501 starts at 15 * 500 + 1.
        assertThatThrownBy(() -> Filter.parse(chain(501)))
                .isInstanceOf(QueryException.class)
                .hasMessage("the filter has more than 500 tests at position 7501");
    }

    @Test
    void aFilterLongerThanTenThousandCharactersIsRefusedBeforeParsing() {
        String filter = "year = 2025" + " ".repeat(10_000 - 11);
        assertThat(Filter.parse(filter)).isInstanceOf(Filter.Compare.class);

        assertThatThrownBy(() -> Filter.parse(filter + " "))
                .isInstanceOf(QueryException.class)
                .hasMessage("the filter is 10001 characters long; the limit is 10000");
    }

    @Test
    void aQuotedOrBareValueOverAThousandCharactersIsRefusedWhereItStarts() {
        assertThat(Filter.parse("project = '" + "x".repeat(1000) + "'")).isInstanceOf(Filter.Compare.class);

        assertThatThrownBy(() -> Filter.parse("project = '" + "x".repeat(1001) + "'"))
                .isInstanceOf(QueryException.class)
                .hasMessage("a value of 1001 characters (the limit is 1000) at position 11");
        assertThatThrownBy(() -> Filter.parse("project = " + "x".repeat(1001)))
                .isInstanceOf(QueryException.class)
                .hasMessage("a value of 1001 characters (the limit is 1000) at position 11");
    }

    @Test
    void anInListOfAThousandValuesParsesAndOneMoreIsRefusedAtThatValue() {
        String thousand = "country in (" + repeat("'a',", 999) + "'a')";
        assertThat(((Filter.In) Filter.parse(thousand)).values()).hasSize(1000);

        // "country in (" is 12 characters and each "'a'," 4: value 1001 starts at 12 + 4 * 1000 + 1.
        assertThatThrownBy(() -> Filter.parse("country in (" + repeat("'a',", 1000) + "'a')"))
                .isInstanceOf(QueryException.class)
                .hasMessage("the 'in' list has more than 1000 values at position 4013");
    }
}
