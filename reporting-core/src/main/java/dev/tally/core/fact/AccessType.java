package dev.tally.core.fact;

/**
 * The access type of a LUMI allocation, read from its offering's name: LUMI names its share offerings
 * "LUMI &lt;Country&gt; / &lt;access type&gt;" (Regular, Extreme Scale, Benchmark, …), and older or other
 * offerings carry no " / " part (docs/definitions.md, "Access type").
 */
public final class AccessType {
    /** The access type of an offering whose name has no (or an empty) " / " part. */
    public static final String NONE = "(none)";

    private static final String SEPARATOR = " / ";

    private AccessType() {
    }

    /** The text after the first " / " of the offering name, stripped; {@link #NONE} when there is none. */
    public static String of(String offeringName) {
        if (offeringName == null) {
            return NONE;
        }
        int at = offeringName.indexOf(SEPARATOR);
        if (at < 0) {
            return NONE;
        }
        String type = offeringName.substring(at + SEPARATOR.length()).strip();
        return type.isEmpty() ? NONE : type;
    }
}
