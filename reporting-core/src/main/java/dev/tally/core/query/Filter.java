package dev.tally.core.query;

import dev.tally.core.check.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A parsed filter expression. Build one with {@link #parse(String)}; positions are 1-based character
 * offsets into the text, kept so that errors found later (a value of the wrong type) can point at it.
 */
public sealed interface Filter {
    /** The filter that keeps everything. */
    Filter ALL = new All();

    /**
     * Parses a filter such as {@code country in ('Finland','Denmark') and is_industry = true and month >= 2025-01}
     * or {@code project contains 'ice' and offering like 'LUMI % / Regular'}.
     */
    static Filter parse(String text) {
        return FilterParser.parse(text);
    }

    /** Keeps everything. */
    record All() implements Filter {
    }

    /** Both sides hold. */
    record And(Filter left, Filter right) implements Filter {
    }

    /** Either side holds. */
    record Or(Filter left, Filter right) implements Filter {
    }

    /** The operand does not hold. */
    record Not(Filter operand) implements Filter {
    }

    /** {@code dimension op value}. */
    record Compare(Dimension dimension, Op op, Literal value, int position) implements Filter {
        public Compare {
            Checks.nonNull("dimension, op, value", dimension, op, value);
        }
    }

    /** {@code dimension [not] in (v1, v2, …)}. */
    record In(Dimension dimension, List<Literal> values, boolean negated, int position) implements Filter {
        public In {
            Objects.requireNonNull(dimension, "dimension");
            values = List.copyOf(values);
        }
    }

    /** A comparison operator. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        /** The label contains the text, ignoring case. */
        CONTAINS("contains"),
        /** The label matches an SQL-style pattern ({@code %} any text, {@code _} one character), ignoring case. */
        LIKE("like");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * A value as written: {@code quoted} for {@code 'text'}, otherwise a bare word such as {@code true},
     * {@code 2025-01}, {@code 2025-Q1} or {@code 2025}.
     */
    record Literal(String text, boolean quoted, int position) {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }
}
