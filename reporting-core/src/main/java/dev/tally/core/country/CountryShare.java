package dev.tally.core.country;

import dev.tally.core.check.Checks;


/**
 * The share an allocation counts under: a country name ("Denmark"), {@code (unassigned)}, or, for a
 * non-share offering, the offering's own name.
 */
public record CountryShare(String name, ShareKind kind, CountrySource source) {
    public static final String UNASSIGNED_NAME = "(unassigned)";

    public CountryShare {
        Checks.nonNull("name, kind, source", name, kind, source);
    }

    /** A country share assigned by {@code source}. */
    public static CountryShare country(String name, CountrySource source) {
        return new CountryShare(name, ShareKind.COUNTRY, source);
    }

    /** A LUMI offering whose country could not be resolved. */
    public static CountryShare unassigned() {
        return new CountryShare(UNASSIGNED_NAME, ShareKind.UNASSIGNED, CountrySource.NONE);
    }

    /** An offering that is not a country share, reported under its own name. */
    public static CountryShare nonShare(String offeringName) {
        return new CountryShare(offeringName, ShareKind.NON_SHARE, CountrySource.NONE);
    }
}
