package dev.tally.cli.option;

import dev.tally.cli.render.Wording;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --currency CODE}: the currency workbook and chart headers name for costs; shared as a mixin. */
public final class CurrencyOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--currency", paramLabel = "CODE", defaultValue = Wording.DEFAULT_CURRENCY,
            description = "Currency of the prices in Waldur, named in workbook and chart headers (\"Cost (EUR)\"). "
                    + "Default: ${DEFAULT-VALUE}.")
    String currency;

    /** The words for this currency; a code that is not three letters is a usage error. */
    public Wording wording() {
        try {
            return new Wording(currency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--currency: " + e.getMessage());
        }
    }
}
