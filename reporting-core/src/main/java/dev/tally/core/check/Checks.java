package dev.tally.core.check;

/** Checks of a record's components, for its compact constructor. */
public final class Checks {
    private Checks() {
    }

    /**
     * Throws {@code new NullPointerException(name)} for the first of {@code values} that is null, naming it as
     * {@code names} does: one check in place of a line of {@code Objects.requireNonNull(x, "x")} per component, with
     * the same exception and message.
     *
     * @param names the values' names in their order, separated by commas ({@code "key, month, component"})
     * @param values the values to check, in that order
     * @throws IllegalArgumentException when {@code names} holds more or fewer names than there are values (checked on
     *     every call, so a mismatch shows in any test that builds the record, not only in one that passes a null)
     */
    public static void nonNull(String names, Object... values) {
        int count = 1;
        for (int at = names.indexOf(','); at >= 0; at = names.indexOf(',', at + 1)) {
            count++;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(count + " names (" + names + ") for " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(name(names, i));
            }
        }
    }

    private static String name(String names, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = names.indexOf(',', start) + 1;
        }
        int end = names.indexOf(',', start);
        return names.substring(start, end < 0 ? names.length() : end).strip();
    }
}
