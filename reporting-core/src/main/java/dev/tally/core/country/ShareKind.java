package dev.tally.core.country;

/** Whether an offering is a country share, a LUMI offering without a resolvable country, or not a share. */
public enum ShareKind {
    /** A "LUMI &lt;Country&gt;" share; counted in that country. */
    COUNTRY,
    /** A LUMI offering whose country could not be resolved; reported as {@code (unassigned)}. */
    UNASSIGNED,
    /** Another service (object storage, training); reported under its own name, never in a country. */
    NON_SHARE
}
