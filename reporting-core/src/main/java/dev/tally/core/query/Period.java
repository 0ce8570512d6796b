package dev.tally.core.query;

import dev.tally.core.check.Checks;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a query covers, both ends inclusive, with the label reports show. A period lies within
 * the four-digit years {@value #MIN_YEAR} to {@value #MAX_YEAR} and spans at most
 * {@value #MAX_YEARS} years (docs/reliability.md): longer spans are typing mistakes, and work that
 * walks a period's months or days stays bounded.
 */
public record Period(LocalDate from, LocalDate to, String label) {
    /** The first year a period may touch. */
    public static final int MIN_YEAR = 1000;
    /** The last year a period may touch. */
    public static final int MAX_YEAR = 9999;
    /** The longest period in years: it ends before its first day plus this many years. */
    public static final int MAX_YEARS = 100;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        Checks.nonNull("from, to, label", from, to, label);
        if (to.isBefore(from)) {
            throw new QueryException("period ends (" + to + ") before it starts (" + from + ")");
        }
        checkYear(from.getYear(), label);
        checkYear(to.getYear(), label);
        if (!to.isBefore(from.plusYears(MAX_YEARS))) {
            throw new QueryException("period " + label + " is longer than " + MAX_YEARS + " years");
        }
    }

    /** Refuses a year outside {@value #MIN_YEAR}..{@value #MAX_YEAR} before java.time sees it (it fails past ±999,999,999). */
    private static void checkYear(int year, String label) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new QueryException("period " + label + " lies outside the years " + MIN_YEAR + " to " + MAX_YEAR);
        }
    }

    /** One calendar month. */
    public static Period month(YearMonth m) {
        return new Period(m.atDay(1), m.atEndOfMonth(), m.toString());
    }

    /** One calendar quarter (1–4). */
    public static Period quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new QueryException("quarter must be 1 to 4, got " + quarter);
        }
        String label = year + "-Q" + quarter;
        checkYear(year, label);
        YearMonth first = YearMonth.of(year, quarter * 3 - 2);
        return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth(), label);
    }

    /** One calendar year. */
    public static Period year(int year) {
        checkYear(year, Integer.toString(year));
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Integer.toString(year));
    }

    /** The days {@code from … to}, both included. */
    public static Period range(LocalDate from, LocalDate to) {
        return new Period(from, to, from + ".." + to);
    }

    /** Parses {@code 2025-01}, {@code 2025-Q1}, {@code 2025} or {@code 2025-01-10..2025-02-20}. */
    public static Period parse(String text) {
        String t = text.strip();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if (YEAR.matcher(t).matches()) {
                return year(Integer.parseInt(t));
            }
            m = RANGE.matcher(t);
            if (m.matches()) {
                return range(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new QueryException("invalid period '" + t + "': " + e.getMessage());
        }
        throw new QueryException("invalid period '" + t + "'; use 2025-01, 2025-Q1, 2025 or 2025-01-10..2025-02-20");
    }

    /**
     * The period of the same length just before this one, for {@code change.} measures: the previous
     * month, quarter or year for those; as many whole months before a run of whole months; otherwise
     * as many days before.
     */
    public Period previous() {
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
        if (wholeMonths) {
            YearMonth first = YearMonth.from(from);
            YearMonth last = YearMonth.from(to);
            long months = java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
            YearMonth f = first.minusMonths(months);
            YearMonth t = last.minusMonths(months);
            if (months == 1) {
                return month(f);
            }
            if (months == 3 && f.getMonthValue() % 3 == 1) {
                return quarter(f.getYear(), (f.getMonthValue() + 2) / 3);
            }
            if (months == 12 && f.getMonthValue() == 1) {
                return year(f.getYear());
            }
            return new Period(f.atDay(1), t.atEndOfMonth(), f + " to " + t);
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        return range(from.minusDays(days), to.minusDays(days));
    }
}
