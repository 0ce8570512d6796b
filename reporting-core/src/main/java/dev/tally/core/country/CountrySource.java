package dev.tally.core.country;

/** Which step of the country rule decided (reported as {@code country_source}). */
public enum CountrySource {
    /** An explicit mapping in configuration (offering UUID or name to country). */
    MAPPING,
    /** The offering name convention "LUMI &lt;Country&gt;" or "LUMI &lt;Country&gt; / &lt;access&gt;". */
    NAME,
    /** The offering's ISO {@code country} field, trusted only for LUMI offerings. */
    COUNTRY_FIELD,
    /** No step matched. */
    NONE
}
