package dev.tally.cli.template;

import dev.tally.core.query.Period;
import dev.tally.core.query.QueryException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A period named relative to the report's period, as templates write it: {@code report},
 * {@code this month}, {@code previous month}, {@code previous period}, {@code year to date},
 * {@code trailing 12 months}, {@code same period last year}, or a literal such as {@code 2026-01}.
 */
public record RelativePeriod(String text) {
    /** The names a template may use, for messages and docs. */
    public static final List<String> NAMES = List.of("report", "this month", "previous month", "previous period",
            "year to date", "trailing 12 months", "same period last year");

    public RelativePeriod {
        text = text == null || text.isBlank() ? "report" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The report's own period. */
    public static final RelativePeriod REPORT = new RelativePeriod("report");

    /** Checks the name without resolving it; the message lists what is allowed. */
    public void validate() {
        if (!NAMES.contains(text)) {
            try {
                Period.parse(text);
            } catch (QueryException e) {
                throw new IllegalArgumentException("unknown period '" + text + "'; use one of " + String.join(", ", NAMES)
                        + " or a literal such as 2026-01, 2026-Q1, 2026");
            }
        }
    }

    /** The concrete period for a report over {@code report}. */
    public Period resolve(Period report) {
        YearMonth last = YearMonth.from(report.to());
        return switch (text) {
            case "report" -> report;
            case "this month" -> Period.month(last);
            case "previous month" -> Period.month(last.minusMonths(1));
            case "year to date" -> new Period(LocalDate.of(report.to().getYear(), 1, 1), report.to(),
                    report.to().getYear() + " to " + report.to());
            case "trailing 12 months" -> new Period(last.minusMonths(11).atDay(1), last.atEndOfMonth(),
                    last.minusMonths(11) + " to " + last);
            case "same period last year" -> shift(report, 12);
            case "previous period" -> previous(report);
            default -> Period.parse(text);
        };
    }

    private static Period previous(Period p) {
        boolean wholeMonths = p.from().getDayOfMonth() == 1 && p.to().equals(YearMonth.from(p.to()).atEndOfMonth());
        if (wholeMonths) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(p.from()), YearMonth.from(p.to())) + 1;
            return shift(p, (int) months);
        }
        long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
        return Period.range(p.from().minusDays(days), p.to().minusDays(days));
    }

    private static Period shift(Period p, int months) {
        YearMonth from = YearMonth.from(p.from()).minusMonths(months);
        YearMonth to = YearMonth.from(p.to()).minusMonths(months);
        boolean wholeMonths = p.from().getDayOfMonth() == 1 && p.to().equals(YearMonth.from(p.to()).atEndOfMonth());
        if (!wholeMonths) {
            return Period.range(p.from().minusMonths(months), p.to().minusMonths(months));
        }
        if (from.equals(to)) {
            return Period.month(from);
        }
        if (from.getMonthValue() == 1 && to.getMonthValue() == 12 && from.getYear() == to.getYear()) {
            return Period.year(from.getYear());
        }
        if ((from.getMonthValue() - 1) % 3 == 0 && from.plusMonths(2).equals(to)) {
            return Period.quarter(from.getYear(), (from.getMonthValue() - 1) / 3 + 1);
        }
        return new Period(from.atDay(1), to.atEndOfMonth(), from + " to " + to);
    }
}
