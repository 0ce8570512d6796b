package dev.tally.core.query;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link Filter} into a {@link Predicate} over row codes. Text comparisons ({@code =},
 * {@code !=}, {@code in}) are case-insensitive and are resolved once per dictionary value, so testing
 * a row is an array lookup. On a multi-valued dimension, {@code =} and {@code in} hold when any value
 * matches, {@code !=} and {@code not in} when none does. An allocation can be named by its label,
 * resource UUID or name, a field of science by its label or OECD code ({@link DimensionValues#matches}).
 */
final class FilterCompiler {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /** Domains up to this size are listed whole in a warning; larger ones by their nearest values. */
    private static final int LIST_ALL = 15;
    private static final int NEAREST = 8;

    private final DimensionValues values;
    private final List<String> warnings = new ArrayList<>();

    FilterCompiler(Dataset d) {
        this.values = new DimensionValues(d);
    }

    /**
     * Values the compiled filter names that no allocation has ({@code country = 'Fnland'}), each as
     * one sentence with the known values: the filter is legal but probably mistyped.
     */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    Predicate compile(Filter f) {
        if (f instanceof Filter.All) {
            return row -> true;
        }
        if (f instanceof Filter.And a) {
            Predicate l = compile(a.left());
            Predicate r = compile(a.right());
            return row -> l.test(row) && r.test(row);
        }
        if (f instanceof Filter.Or o) {
            Predicate l = compile(o.left());
            Predicate r = compile(o.right());
            return row -> l.test(row) || r.test(row);
        }
        if (f instanceof Filter.Not n) {
            Predicate p = compile(n.operand());
            return row -> !p.test(row);
        }
        if (f instanceof Filter.Compare c) {
            return compare(c.dimension(), c.op(), List.of(c.value()));
        }
        Filter.In in = (Filter.In) f;
        return compare(in.dimension(), in.negated() ? Filter.Op.NE : Filter.Op.EQ, in.values());
    }

    /** {@code op} against one value, or (for EQ/NE from {@code in}) against any of several. */
    private Predicate compare(Dimension dim, Filter.Op op, List<Filter.Literal> literals) {
        if (dim.temporal()) {
            Set<Integer> set = new HashSet<>();
            for (Filter.Literal l : literals) {
                set.add(temporal(dim, l));
            }
            int v = set.iterator().next();
            return switch (op) {
                case CONTAINS, LIKE -> throw new QueryException("operator '" + op.symbol() + "' compares text; " + dim.key()
                        + " takes =, !=, <, <=, >, >= or in", literals.get(0).position());
                case EQ -> row -> set.contains(row.code(dim));
                case NE -> row -> !set.contains(row.code(dim));
                case LT -> row -> row.code(dim) < v;
                case LE -> row -> row.code(dim) <= v;
                case GT -> row -> row.code(dim) > v;
                case GE -> row -> row.code(dim) >= v;
            };
        }
        if (op != Filter.Op.EQ && op != Filter.Op.NE && op != Filter.Op.CONTAINS && op != Filter.Op.LIKE) {
            throw new QueryException("operator '" + op.symbol() + "' cannot compare dimension '" + dim.key()
                    + "'; use =, !=, in, contains or like", literals.get(0).position());
        }
        boolean[] match = new boolean[values.domainSize(dim)];
        for (Filter.Literal l : literals) {
            String text = op == Filter.Op.CONTAINS || op == Filter.Op.LIKE ? l.text() : checked(dim, l);
            java.util.function.IntPredicate test = textTest(dim, op, text);
            boolean any = false;
            for (int code = 0; code < match.length; code++) {
                if (test.test(code)) {
                    match[code] = true;
                    any = true;
                }
            }
            if (!any) {
                warnings.add(unknownValue(dim, op, text));
            }
        }
        boolean negate = op == Filter.Op.NE;
        if (dim.multiValued()) {
            return row -> {
                for (int v : row.aiTech()) {
                    if (match[v]) {
                        return !negate;
                    }
                }
                return negate;
            };
        }
        return row -> match[row.code(dim)] != negate;
    }

    /** Whether a code's label passes one text test: equal (or another name of it), containing, or like a pattern. */
    private java.util.function.IntPredicate textTest(Dimension dim, Filter.Op op, String text) {
        return switch (op) {
            case CONTAINS -> {
                String needle = text.toLowerCase(java.util.Locale.ROOT);
                yield code -> values.label(dim, code).toLowerCase(java.util.Locale.ROOT).contains(needle);
            }
            case LIKE -> {
                Pattern p = likePattern(text);
                yield code -> p.matcher(values.label(dim, code)).matches();
            }
            default -> code -> values.matches(dim, code, text);
        };
    }

    /** An SQL LIKE pattern as a regular expression: {@code %} any text, {@code _} one character, the rest literal. */
    static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /**
     * "no allocation has country 'Fnland'; known values: Belgium, …": every value of a small domain
     * in its natural order, or the values nearest the text (by edit distance) of a large one.
     */
    private String unknownValue(Dimension dim, Filter.Op op, String text) {
        int n = values.domainSize(dim);
        List<Integer> codes = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            codes.add(c);
        }
        String head = switch (op) {
            case CONTAINS -> "no allocation has a " + dim.key() + " containing '" + text + "'";
            case LIKE -> "no allocation has a " + dim.key() + " like '" + text + "'";
            default -> "no allocation has " + dim.key() + " '" + text + "'";
        };
        if (n == 0) {
            return head + "; the data has no values for it";
        }
        if (n <= LIST_ALL) {
            codes.sort(values.order(dim));
            return head + "; known values: " + String.join(", ", codes.stream().map(c -> values.label(dim, c)).distinct().toList());
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<String> nearest = codes.stream().map(c -> values.label(dim, c)).distinct()
                .sorted(java.util.Comparator.comparingInt((String l) -> Typo.edits(lower, l.toLowerCase(java.util.Locale.ROOT)))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .limit(NEAREST).toList();
        return head + "; nearest of its " + n + " known values: " + String.join(", ", nearest);
    }

    /** The literal's text, after checking it is a possible value of an enumerated dimension. */
    private static String checked(Dimension dim, Filter.Literal l) {
        String t = l.text();
        if (dim.flag()) {
            for (Flag f : Flag.values()) {
                if (f.label().equalsIgnoreCase(t)) {
                    return t;
                }
            }
            throw new QueryException("dimension '" + dim.key() + "' is true, false or unknown, not '" + t + "'", l.position());
        }
        if (dim == Dimension.ORDER_TYPE && OrderType.ofLabel(t) == OrderType.UNKNOWN) {
            throw new QueryException("unknown order type '" + t + "'; use Create, Update, Terminate or Restore", l.position());
        }
        if (dim == Dimension.ORDER_STATE && OrderState.ofLabel(t) == OrderState.UNKNOWN) {
            throw new QueryException("unknown order state '" + t + "'", l.position());
        }
        return t;
    }

    /** The code of a month ({@code 2025-01}), quarter ({@code 2025-Q1}) or year ({@code 2025}) literal. */
    private static int temporal(Dimension dim, Filter.Literal l) {
        String t = l.text();
        try {
            switch (dim) {
                case MONTH -> {
                    Matcher m = MONTH.matcher(t);
                    if (m.matches()) {
                        YearMonth ym = m.group(3) != null ? YearMonth.from(LocalDate.parse(t))
                                : YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                        return Dataset.epochMonth(ym);
                    }
                }
                case QUARTER -> {
                    Matcher m = QUARTER.matcher(t);
                    if (m.matches()) {
                        return Integer.parseInt(m.group(1)) * 4 + Integer.parseInt(m.group(2)) - 1;
                    }
                }
                case YEAR -> {
                    if (YEAR.matcher(t).matches()) {
                        return Integer.parseInt(t);
                    }
                }
                default -> throw new IllegalArgumentException(dim.key());
            }
        } catch (java.time.DateTimeException e) {
            throw new QueryException("invalid " + dim.key() + " '" + t + "': " + e.getMessage(), l.position());
        }
        String example = switch (dim) {
            case MONTH -> "2025-01";
            case QUARTER -> "2025-Q1";
            default -> "2025";
        };
        throw new QueryException("dimension '" + dim.key() + "' expects a value like " + example + ", not '" + t + "'",
                l.position());
    }
}
