package dev.tally.core.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When a balance runs out at a burn rate (docs/definitions.md, "Limits ledger"): on a {@code date},
 * or one of the answers that have none.
 */
public record Exhaustion(Kind kind, LocalDate date) {
    /** Why there is, or is not, a date. */
    public enum Kind {
        /** The balance reaches zero on {@link #date}. */
        ON,
        /** More was used to date than granted to date. */
        ALREADY,
        /** Nothing was used in the window, so nothing runs out. */
        NO_USAGE,
        /** The allowance keeps ahead of the usage until the allocation ends (or for ten years). */
        NOT_BEFORE_END,
        /** The allocation ended before the as-of date. */
        ENDED
    }

    public Exhaustion {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ON) != (date != null)) {
            throw new IllegalArgumentException("an exhaustion has a date exactly when it is ON");
        }
    }

    static final Exhaustion ALREADY_USED = new Exhaustion(Kind.ALREADY, null);
    static final Exhaustion NO_USAGE_SEEN = new Exhaustion(Kind.NO_USAGE, null);
    static final Exhaustion NOT_BEFORE_THE_END = new Exhaustion(Kind.NOT_BEFORE_END, null);
    static final Exhaustion HAS_ENDED = new Exhaustion(Kind.ENDED, null);

    static Exhaustion on(LocalDate date) {
        return new Exhaustion(Kind.ON, date);
    }

    /** The answer as reports print it: the ISO date, or a short phrase. */
    public String label() {
        return switch (kind) {
            case ON -> date.toString();
            case ALREADY -> "already used up";
            case NO_USAGE -> "no usage";
            case NOT_BEFORE_END -> "not before the allocation ends";
            case ENDED -> "ended";
        };
    }
}
