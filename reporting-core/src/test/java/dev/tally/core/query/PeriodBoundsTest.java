package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A period lies within the years 1000 to 9999 and spans at most 100 years (docs/reliability.md). */
class PeriodBoundsTest {
    @Test
    void aRangeOfExactlyOneHundredYearsIsAcceptedAndOneDayMoreIsRefused() {
        Period century = Period.range(LocalDate.of(1926, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(century.to()).isEqualTo(LocalDate.of(2025, 12, 31));

        assertThatThrownBy(() -> Period.range(LocalDate.of(1926, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(QueryException.class)
                .hasMessage("period 1926-01-01..2026-01-01 is longer than 100 years");
    }

    @Test
    void theWholeCalendarIsRefusedForItsYearsFirst() {
        assertThatThrownBy(() -> Period.range(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)))
                .isInstanceOf(QueryException.class)
                .hasMessage("period 0001-01-01..9999-12-31 lies outside the years 1000 to 9999");
    }

    @Test
    void yearsPastFourDigitsAreRefusedBeforeJavaTimeSeesThem() {
        assertThat(Period.year(9999).to()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(Period.year(1000).from()).isEqualTo(LocalDate.of(1000, 1, 1));

        assertThatThrownBy(() -> Period.year(99999)).isInstanceOf(QueryException.class)
                .hasMessage("period 99999 lies outside the years 1000 to 9999");
        assertThatThrownBy(() -> Period.year(Integer.MAX_VALUE)).isInstanceOf(QueryException.class)
                .hasMessage("period 2147483647 lies outside the years 1000 to 9999");
        assertThatThrownBy(() -> Period.year(999)).isInstanceOf(QueryException.class)
                .hasMessage("period 999 lies outside the years 1000 to 9999");
        assertThatThrownBy(() -> Period.quarter(-5, 1)).isInstanceOf(QueryException.class)
                .hasMessage("period -5-Q1 lies outside the years 1000 to 9999");
    }
}
