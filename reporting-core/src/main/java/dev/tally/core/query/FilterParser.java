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
 * op      = "=" | "!=" | "&lt;&gt;" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * value   = 'quoted text' ('' inside for a quote) | word (true, false, unknown, 2025-01, 2025-Q1, 2025)
 * </pre>
 * Keywords are case-insensitive. Errors name the problem and its 1-based position.
 */
final class FilterParser {
    private enum T { WORD, STRING, OP, LPAREN, RPAREN, COMMA, END }

    private record Token(T type, String text, int position) {
    }

    private final List<Token> tokens;
    private int next;

    private FilterParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Filter parse(String text) {
        if (text == null || text.isBlank()) {
            return Filter.ALL;
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
            return new Filter.Not(unary());
        }
        if (t.type == T.LPAREN) {
            next++;
            Filter inner = or();
            expect(T.RPAREN, "')'");
            return inner;
        }
        return test();
    }

    private Filter test() {
        Token name = peek();
        if (name.type != T.WORD) {
            throw new QueryException(name.type == T.END ? "expected a dimension but the filter ended"
                    : "expected a dimension but found '" + name.text + "'", name.position);
        }
        next++;
        Dimension dim = Dimension.byKey(name.text.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new QueryException("unknown dimension '" + name.text + "'", name.position));
        boolean negated = false;
        if (keyword("not")) {
            next++;
            negated = true;
            if (!keyword("in")) {
                Token t = peek();
                throw new QueryException("expected 'in' after 'not' but found '" + t.text + "'", t.position);
            }
        }
        if (keyword("in")) {
            next++;
            expect(T.LPAREN, "'(' after 'in'");
            List<Filter.Literal> values = new ArrayList<>();
            values.add(value());
            while (peek().type == T.COMMA) {
                next++;
                values.add(value());
            }
            expect(T.RPAREN, "')' or ','");
            return new Filter.In(dim, values, negated, name.position);
        }
        Token op = peek();
        if (op.type != T.OP) {
            throw new QueryException("expected an operator (=, !=, <, <=, >, >=, in) after '" + name.text + "' but found "
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
                out.add(new Token(T.STRING, b.toString(), pos));
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
                out.add(new Token(T.WORD, s.substring(i, j), pos));
                i = j;
            } else {
                throw new QueryException("unexpected character '" + c + "'", pos);
            }
        }
        out.add(new Token(T.END, "", s.length() + 1));
        return out;
    }
}
