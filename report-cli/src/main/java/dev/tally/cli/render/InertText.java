package dev.tally.cli.render;

/**
 * Makes text from data or from a server safe to print: characters a terminal or editor would act on
 * instead of showing are replaced by a visible escape (docs/security.md, "What reaches a terminal or a file is inert").
 * <ul>
 *   <li>C0 controls U+0000-U+001F (NUL, TAB, LF, CR, ESC, ...), DEL U+007F and C1 controls
 *       U+0080-U+009F become {@code \xHH}, e.g. ESC is {@code \x1B};</li>
 *   <li>the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which
 *       reorder what a reader sees ("Trojan Source"), become {@code \u202E} and the like.</li>
 * </ul>
 * Everything else, including other non-ASCII letters, is kept as it is.
 */
public final class InertText {
    private InertText() {
    }

    /** {@code text} with every active character escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(InertText::isActive)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isActive(c)) {
                sb.append(c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02X", (int) c));
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** Whether {@code c} is a control character or a bidi control that {@link #escape} replaces. */
    static boolean isActive(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
