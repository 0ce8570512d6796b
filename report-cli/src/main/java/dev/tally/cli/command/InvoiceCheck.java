package dev.tally.cli.command;

import dev.tally.cli.report.ReportInput;
import dev.tally.core.reconcile.InvoiceLine;
import dev.tally.core.reconcile.InvoiceReconciler;
import dev.tally.core.reconcile.Reconciliation;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.InvoiceItem;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code tally reconcile --invoices}: the computed monthly cost against the snapshot's invoice items. */
final class InvoiceCheck {
    private InvoiceCheck() {
    }

    static Reconciliation reconcile(CommandSpec spec, ReportInput input, BigDecimal threshold, IntPredicate selected) {
        Snapshot snapshot = input.snapshot();
        if (!snapshot.has(WaldurCollection.INVOICE_ITEMS)) {
            String why = snapshot.manifest().unavailable().get(WaldurCollection.INVOICE_ITEMS.id());
            throw new ParameterException(spec.commandLine(), "--invoices: " + (why != null
                    ? "the harvest could not read invoice items (" + why + "; the token needs owner, staff or support rights)"
                    : "this snapshot has no invoice items (it was harvested without them)"));
        }
        List<InvoiceLine> lines = new ArrayList<>();
        snapshot.forEach(WaldurCollection.INVOICE_ITEMS, InvoiceItem.class, item -> {
            if (item.resourceUuid() != null && item.month() != null && item.amount() != null) {
                lines.add(new InvoiceLine(item.resourceUuid(), item.month(), item.amount()));
            }
        });
        return InvoiceReconciler.reconcile(input.dataset(), lines, threshold, selected);
    }
}
