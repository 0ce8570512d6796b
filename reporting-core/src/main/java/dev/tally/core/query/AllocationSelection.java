package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import java.time.YearMonth;
import java.util.function.IntPredicate;

/**
 * The allocations a filter keeps, for views that are about allocations rather than allocation
 * months (the limits ledger, reconciliation). Temporal dimensions ({@code month}, {@code quarter},
 * {@code year}) are tested against one given month, and the order dimensions never hold.
 */
public final class AllocationSelection {
    private AllocationSelection() {
    }

    /**
     * A predicate over allocation indexes of {@code d} for the filter {@code text} (the query
     * language of docs/reports.md); blank keeps all. A {@link QueryException} names what is wrong.
     */
    public static IntPredicate of(Dataset d, String text, YearMonth month) {
        if (text == null || text.isBlank()) {
            return i -> true;
        }
        Predicate p = new FilterCompiler(d).compile(Filter.parse(text));
        RowContext row = new RowContext(d);
        row.month = Dataset.epochMonth(month);
        return i -> {
            row.alloc = i;
            row.plan = d.planOn(i, d.firstDay(i));
            return p.test(row);
        };
    }
}
