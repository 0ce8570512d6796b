package dev.tally.waldur;

import java.util.Locale;

/** Who reviews an order: the consumer (the project's organisation) or the provider (the offering's). */
public enum Reviewer {
    CONSUMER,
    PROVIDER;

    /** The action suffix in {@code approve_by_consumer}, {@code reject_by_provider}, …. */
    public String suffix() {
        return "by_" + name().toLowerCase(Locale.ROOT);
    }
}
