package dev.tally.cli.template;

/** What a section shows. */
public enum SectionKind {
    /** The result of a core query (the default). */
    QUERY,
    /** The data-quality findings. */
    FINDINGS,
    /** Where the data came from and how it was computed. */
    PROVENANCE
}
