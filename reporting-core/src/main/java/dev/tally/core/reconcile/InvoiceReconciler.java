package dev.tally.core.reconcile;

import dev.tally.core.cost.Accrual;
import dev.tally.core.cost.RowFigures;
import dev.tally.core.dataset.Dataset;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Tally's computed monthly cost (docs/definitions.md §5) against what Waldur invoiced (docs/definitions.md,
 * "Reconciliation"): per allocation and month, the cost against the sum of the month's invoice items for the resource,
 * over the months the invoice items cover. The component column reads {@value #COST}.
 */
public final class InvoiceReconciler {
    /** The component label of every row: the allocation's whole cost. */
    public static final String COST = "cost";

    private InvoiceReconciler() {
    }

    public static Reconciliation reconcile(Dataset d, List<InvoiceLine> items, BigDecimal threshold, IntPredicate selected) {
        Map<Cell, BigDecimal> invoiced = new HashMap<>();
        Set<YearMonth> months = new HashSet<>();
        for (InvoiceLine l : items) {
            invoiced.merge(new Cell(Cell.normalise(l.resourceId()), l.month(), COST), l.amount(), BigDecimal::add);
            months.add(l.month());
        }
        Map<Cell, BigDecimal> computed = new HashMap<>();
        Map<String, Comparison.Known> known = new HashMap<>();
        Set<String> left = new HashSet<>();
        RowFigures figures = new RowFigures(d.components().size());
        for (YearMonth m : months) {
            Accrual accrual = Accrual.over(d, (int) m.atDay(1).toEpochDay(), (int) m.atEndOfMonth().toEpochDay());
            int em = Dataset.epochMonth(m);
            for (int i = 0; i < d.size(); i++) {
                String key = Cell.normalise(d.resourceId(i));
                if (!selected.test(i)) {
                    left.add(key);
                    continue;
                }
                if (!known.containsKey(key)) {
                    known.put(key, new Comparison.Known(label(d, i), d.shares().label(d.share(i)), d.shareKind(d.share(i)).ordinal()));
                }
                if (accrual.month(i, em, figures)) {
                    computed.put(new Cell(key, m, COST), figures.cost());
                }
            }
        }
        invoiced.keySet().removeIf(c -> left.contains(c.key()));
        return Comparison.of(computed, invoiced, known::get, List.of(COST), months, threshold);
    }

    private static String label(Dataset d, int i) {
        String name = d.resourceName(i);
        return name == null || name.isBlank() ? d.resourceId(i) : name + " (" + d.resourceId(i) + ")";
    }
}
