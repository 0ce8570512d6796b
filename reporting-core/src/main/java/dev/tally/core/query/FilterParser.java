package dev.tally.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for filter expressions:
 * <pre>
 * expr    = and { "or" and }
 * and     = unary { "and" unary }
 * unary   = "not" unary | "(" expr ")" | test
 * test    = dimension op value | dimension ["not"] "in" "(" value { "," value } ")"
 *         | dimension ["not"] ("contains" | "like") value
 * op      = "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value   = 'quoted text' ('' inside for a quote) | word (true, false, unknown, 2025-01, 2025-Q1, 2025)
 * </pre>
 * Keywords are case-insensitive. Errors name the problem and its 1-based position.
 *
 * <p>Parsing and, later, compiling and testing a filter recurse over its tree, so every filter is
 * held to fixed bounds (docs/reliability.md): its length, its nesting, its number of tests, the
 * length of one value and of one {@code in} list. Input past a bound is refused with one line before
 * it can exhaust the stack or take long to run.
 */
final class FilterParser {
    /** Characters in a whole filter. */
    static final int MAX_LENGTH = 10_000;
    /** Parentheses and {@code not}s open at once. */
    static final int MAX_DEPTH = 50;
    /** Comparisons and {@code in} tests in one filter, the length of an and/or chain. */
    static final int MAX_TESTS = 500;
    /** Characters in one value, quoted or not. */
    static final int MAX_VALUE_LENGTH = 1_000;
    /** Values in one {@code in (...)} list. */
    static final int MAX_IN_VALUES = 1_000;

    private enum T { WORD, STRING, OP, LPAREN, RPAREN, COMMA, END }

    private record Token(T type, String text, int position) {
    }

    private final List<Token> tokens;
    private int next;
    private int depth;
    private int tests;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return Filter.ALL;
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryException("the filter is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        FilterParser p = new FilterParser(tokenize(text));
        Filter f = p.or();
        Token t = p.peek();
        if (t.type != T.END) {
            throw new QueryException("unexpected '" + t.text + "'", t.position);
        }
        return f;
    }

    private Filter or() {
        Filter left = and();
        while (keyword("or")) {
            next++;
            left = new Filter.Or(left, and());
        }
        return left;
    }

    private Filter and() {
        Filter left = unary();
        while (keyword("and")) {
            next++;
            left = new Filter.And(left, unary());
        }
        return left;
    }

    private Filter unary() {
        Token t = peek();
        if (keyword("not")) {
            next++;
            enter(t);
            Filter operand = unary();
            depth--;
            return new Filter.Not(operand);
        }
        if (t.type == T.LPAREN) {
            next++;
            enter(t);
            Filter inner = or();
            expect(T.RPAREN, "')'");
            depth--;
            return inner;
        }
        return test();
    }

    /** One more parenthesis or {@code not} open at {@code t}. */
    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new QueryException("the filter nests parentheses and 'not' more than " + MAX_DEPTH + " deep", t.position);
        }
    }

    private Filter test() {
        Token name = peek();
        if (name.type != T.WORD) {
            throw new QueryException(name.type == T.END ? "expected a dimension but the filter ended"
                    : "expected a dimension but found '" + name.text + "'", name.position);
        }
        if (++tests > MAX_TESTS) {
            throw new QueryException("the filter has more than " + MAX_TESTS + " tests", name.position);
        }
        next++;
        Dimension dim = Dimension.byKey(name.text.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Dimension.unknown(name.text, name.position));
        boolean negated = false;
        if (keyword("not")) {
            next++;
            negated = true;
            if (!keyword("in") && !keyword("contains") && !keyword("like")) {
                Token t = peek();
                throw new QueryException("expected 'in', 'contains' or 'like' after 'not' but found '" + t.text + "'", t.position);
            }
        }
        if (keyword("contains") || keyword("like")) {
            Filter.Op textOp = keyword("contains") ? Filter.Op.CONTAINS : Filter.Op.LIKE;
            next++;
            Filter test = new Filter.Compare(dim, textOp, value(), name.position);
            return negated ? new Filter.Not(test) : test;
        }
        if (keyword("in")) {
            next++;
            expect(T.LPAREN, "'(' after 'in'");
            List<Filter.Literal> values = new ArrayList<>();
            values.add(value());
            while (peek().type == T.COMMA) {
                next++;
                if (values.size() == MAX_IN_VALUES) {
                    throw new QueryException("the 'in' list has more than " + MAX_IN_VALUES + " values", peek().position);
                }
                values.add(value());
            }
            expect(T.RPAREN, "')' or ','");
            return new Filter.In(dim, values, negated, name.position);
        }
        Token op = peek();
        if (op.type != T.OP) {
            throw new QueryException("expected an operator (=, !=, <, <=, >, >=, in, contains, like) after '" + name.text + "' but found "
                    + (op.type == T.END ? "the end" : "'" + op.text + "'"), op.position);
        }
        next++;
        return new Filter.Compare(dim, op(op), value(), name.position);
    }

    private static Filter.Op op(Token t) {
        return switch (t.text) {
            case "=", "==" -> Filter.Op.EQ;
            case "!=", "<>" -> Filter.Op.NE;
            case "<" -> Filter.Op.LT;
            case "<=" -> Filter.Op.LE;
            case ">" -> Filter.Op.GT;
            case ">=" -> Filter.Op.GE;
            default -> throw new QueryException("unknown operator '" + t.text + "'", t.position);
        };
    }

    private Filter.Literal value() {
        Token t = peek();
        if (t.type == T.STRING || t.type == T.WORD) {
            next++;
            return new Filter.Literal(t.text, t.type == T.STRING, t.position);
        }
        throw new QueryException(t.type == T.END ? "expected a value but the filter ended"
                : "expected a value but found '" + t.text + "'", t.position);
    }

    private void expect(T type, String what) {
        Token t = peek();
        if (t.type != type) {
            throw new QueryException("expected " + what + " but found " + (t.type == T.END ? "the end" : "'" + t.text + "'"),
                    t.position);
        }
        next++;
    }

    private boolean keyword(String word) {
        Token t = peek();
        return t.type == T.WORD && t.text.equalsIgnoreCase(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private static String checkedValue(String text, int pos) {
        if (text.length() > MAX_VALUE_LENGTH) {
            throw new QueryException("a value of " + text.length() + " characters (the limit is " + MAX_VALUE_LENGTH + ")", pos);
        }
        return text;
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(T.LPAREN, "(", pos));
                i++;
            } else if (c == ')') {
                out.add(new Token(T.RPAREN, ")", pos));
                i++;
            } else if (c == ',') {
                out.add(new Token(T.COMMA, ",", pos));
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        throw new QueryException("unterminated string", pos);
                    }
                    char d = s.charAt(j);
                    if (d == c) {
                        if (j + 1 < s.length() && s.charAt(j + 1) == c) {
                            b.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(d);
                    j++;
                }
                out.add(new Token(T.STRING, checkedValue(b.toString(), pos), pos));
                i = j + 1;
            } else if ("=!<>".indexOf(c) >= 0) {
                int j = i + 1;
                if (j < s.length() && (s.charAt(j) == '=' || (c == '<' && s.charAt(j) == '>'))) {
                    j++;
                }
                String op = s.substring(i, j);
                if (op.equals("!")) {
                    throw new QueryException("unknown operator '!'", pos);
                }
                out.add(new Token(T.OP, op, pos));
                i = j;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_.-".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(new Token(T.WORD, checkedValue(s.substring(i, j), pos), pos));
                i = j;
            } else {
                throw new QueryException("unexpected character '" + c + "'", pos);
            }
        }
        out.add(new Token(T.END, "", s.length() + 1));
        return out;
    }
}
