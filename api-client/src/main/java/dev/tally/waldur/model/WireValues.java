package dev.tally.waldur.model;

import java.util.Locale;

/** Lenient matching of Waldur's enum strings: case and surrounding blanks do not matter (docs/waldur.md, Enumerations). */
final class WireValues {
    private WireValues() {
    }

    /** The constant whose wire value matches {@code text}, or {@code unknown} for null, blank or unmatched text. */
    static <E extends Enum<E> & WireValue> E match(E[] values, String text, E unknown) {
        if (text == null) {
            return unknown;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (e.wire().toLowerCase(Locale.ROOT).equals(t)) {
                return e;
            }
        }
        return unknown;
    }
}
