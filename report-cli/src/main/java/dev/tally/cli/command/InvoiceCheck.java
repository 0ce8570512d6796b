package dev.tally.cli.command;

import dev.tally.cli.report.ReportInput;
import dev.tally.core.reconcile.Reconciliation;
import java.math.BigDecimal;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code tally reconcile --invoices}: the computed monthly cost against the snapshot's invoice items. */
final class InvoiceCheck {
    private InvoiceCheck() {
    }

    static Reconciliation reconcile(CommandSpec spec, ReportInput input, BigDecimal threshold,
            java.util.function.IntPredicate selected) {
        throw new ParameterException(spec.commandLine(), "--invoices: this snapshot has no invoice items");
    }
}
