package dev.tally.cli.report;

import dev.tally.core.query.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A period as a snapshot can answer it. Data ends at the snapshot's date (its "as of"), so a period
 * that runs past that day is cut there, with a note that says so; a period that starts after it
 * has no data at all and is refused (docs/reports.md, "Periods and the data's date").
 *
 * @param period the period to compute: the one asked for, or its days up to the data's date
 * @param notes one line when the period was cut, otherwise none
 */
public record AsOfPeriod(Period period, List<String> notes) {
    public AsOfPeriod {
        Objects.requireNonNull(period, "period");
        notes = List.copyOf(notes);
    }

    /**
     * {@code asked} as data as of {@code asOf} can answer it; an {@code IllegalArgumentException}
     * with a one-line message when the period starts after {@code asOf}.
     */
    public static AsOfPeriod of(Period asked, LocalDate asOf) {
        if (asked.from().isAfter(asOf)) {
            throw new IllegalArgumentException("period " + asked.label() + " starts after the snapshot's data date " + asOf
                    + ": nothing to report yet (harvest again later, or choose a period up to " + asOf + ")");
        }
        if (!asked.to().isAfter(asOf)) {
            return new AsOfPeriod(asked, List.of());
        }
        Period cut = new Period(asked.from(), asOf, asked.label());
        return new AsOfPeriod(cut, List.of("Period " + asked.label() + " is cut at the snapshot's data date: it covers "
                + cut.from() + " to " + cut.to() + ", not to " + asked.to() + "."));
    }
}
