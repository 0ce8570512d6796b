package dev.tally.cli.option;

import dev.tally.cli.report.AsOfPeriod;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The period a report or query covers: one of --month, --quarter, --year or --from/--to; shared as a mixin. */
public final class PeriodOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    static final class Choice {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "A calendar month, e.g. 2026-10.")
        YearMonth month;

        @Option(names = "--quarter", paramLabel = "YYYY-Qn", description = "A calendar quarter, e.g. 2026-Q3.")
        String quarter;

        @Option(names = "--year", paramLabel = "YYYY", description = "A calendar year, e.g. 2026.")
        Integer year;

        @ArgGroup(exclusive = false)
        Range range;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD), with --to.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day (YYYY-MM-DD, included), with --from.")
        LocalDate to;
    }

    /** Whether any period option was given. */
    public boolean given() {
        return choice != null;
    }

    /**
     * The chosen period, or the month {@code dflt} when none was given. A malformed quarter or a range
     * that ends before it starts is a usage error of the command that has these options.
     */
    public Period resolve(YearMonth dflt) {
        try {
            return choose(dflt);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    /**
     * The chosen period as the snapshot of {@code input} can answer it, by default its last full
     * month ({@link ReportInput#lastFullMonth()}); a period that starts after the snapshot's date is
     * a usage error. A period running past that date is returned whole: the report or query cuts it
     * and says so ({@link AsOfPeriod}).
     */
    public Period resolveAt(ReportInput input) {
        Period p = resolve(input.lastFullMonth());
        try {
            AsOfPeriod.of(p, input.dataset().asOf());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
        return p;
    }

    private Period choose(YearMonth dflt) {
        if (choice == null) {
            return Period.month(dflt);
        }
        if (choice.month != null) {
            return Period.month(choice.month);
        }
        if (choice.quarter != null) {
            if (!choice.quarter.strip().matches("\\d{4}-[Qq][1-4]")) {
                throw new IllegalArgumentException("--quarter '" + choice.quarter + "' is not of the form YYYY-Qn, e.g. 2026-Q3");
            }
            String q = choice.quarter.strip();
            return Period.quarter(Integer.parseInt(q.substring(0, 4)), q.charAt(6) - '0');
        }
        if (choice.year != null) {
            return Period.year(choice.year);
        }
        if (choice.range.to.isBefore(choice.range.from)) {
            throw new IllegalArgumentException("--to " + choice.range.to + " is before --from " + choice.range.from);
        }
        return Period.range(choice.range.from, choice.range.to);
    }
}
