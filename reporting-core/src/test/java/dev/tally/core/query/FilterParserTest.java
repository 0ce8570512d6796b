package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    @Test
    void parsesTheIssueExampleWithAndBindingLeftToRight() {
        Filter f = Filter.parse("country in ('Finland','Denmark') and is_industry = true and month >= 2025-01");

        assertThat(f).isEqualTo(new Filter.And(
                new Filter.And(
                        new Filter.In(Dimension.COUNTRY, List.of(new Filter.Literal("Finland", true, 13),
                                new Filter.Literal("Denmark", true, 23)), false, 1),
                        new Filter.Compare(Dimension.IS_INDUSTRY, Filter.Op.EQ, new Filter.Literal("true", false, 52), 38)),
                new Filter.Compare(Dimension.MONTH, Filter.Op.GE, new Filter.Literal("2025-01", false, 70), 61)));
    }

    @Test
    void andBindsTighterThanOrAndParenthesesOverrideIt() {
        Filter plain = Filter.parse("year = 2025 or year = 2026 and not is_training = true");
        Filter grouped = Filter.parse("(year = 2025 or year = 2026) and not is_training = true");

        assertThat(plain).isInstanceOf(Filter.Or.class);
        assertThat(((Filter.Or) plain).right()).isInstanceOf(Filter.And.class);
        assertThat(grouped).isInstanceOf(Filter.And.class);
        assertThat(((Filter.And) grouped).right()).isInstanceOf(Filter.Not.class);
    }

    @Test
    void doubledQuoteInsideAStringIsAQuote() {
        Filter f = Filter.parse("project = 'O''Brien lab'");

        assertThat(((Filter.Compare) f).value().text()).isEqualTo("O'Brien lab");
    }

    @Test
    void blankFilterKeepsEverything() {
        assertThat(Filter.parse("  ")).isEqualTo(Filter.ALL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "contry = 'Finland'                      | unknown dimension 'contry' at position 1; did you mean 'country'?",
        "country = 'Finland' and plann = 'x'     | unknown dimension 'plann' at position 25; did you mean 'plan'?",
        "country = 'Finland                      | unterminated string at position 11",
        "country 'Finland'                       | expected an operator (=, !=, <, <=, >, >=, in, contains, like) after 'country' but found 'Finland' at position 9",
        "country in ('Finland' 'Denmark')        | expected ')' or ',' but found 'Denmark' at position 23",
        "country = 'Finland' and                 | expected a dimension but the filter ended at position 24",
        "(country = 'Finland'                    | expected ')' but found the end at position 21",
        "country = 'Finland')                    | unexpected ')' at position 20",
        "country ! 'Finland'                     | unknown operator '!' at position 9",
        "country = 'Finland' ; year = 2025       | unexpected character ';' at position 21",
        "country not 'Finland'                   | expected 'in', 'contains' or 'like' after 'not' but found 'Finland' at position 13"})
    void syntaxErrorsNameTheProblemAndPosition(String filter, String message) {
        assertThatThrownBy(() -> Filter.parse(filter.strip()))
                .isInstanceOf(QueryException.class)
                .hasMessage(message);
    }
}
