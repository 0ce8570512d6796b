package dev.tally.cli.option;

import dev.tally.cli.report.ReportInput;
import dev.tally.core.query.AllocationSelection;
import dev.tally.core.query.QueryException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.IntPredicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --where EXPR} of {@code tally ledger} and {@code tally reconcile}: the allocations asked about; shared as a mixin. */
public final class WhereOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = {"-w", "--where"}, paramLabel = "EXPR",
            description = "Which allocations: the query filter language (country = 'Finland', access_type = 'Regular',"
                    + " allocation = 'UUID', ...).")
    String where;

    /** The allocations {@code --where} keeps; its month dimensions read the month of the snapshot's last day. */
    public IntPredicate selection(ReportInput input) {
        YearMonth month = YearMonth.from(input.snapshot().manifest().startedAt().minusNanos(1).atZone(ZoneOffset.UTC));
        try {
            return AllocationSelection.of(input.dataset(), where, month);
        } catch (QueryException e) {
            throw new ParameterException(mixee.commandLine(), "--where: " + e.getMessage());
        }
    }

    /** The filter as asked, for the answer's description; empty for none. */
    public String filter() {
        return where == null ? "" : where.strip();
    }
}
