package dev.tally.cli.template;

/** What a section shows. */
public enum SectionKind {
    /** The result of a core query (the default). */
    QUERY,
    /** The data-quality findings. */
    FINDINGS,
    /** Where the data came from and how it was computed. */
    PROVENANCE,
    /**
     * Figures of closed months that changed since a previous snapshot (docs/reports.md, "Restated"): added to a
     * report given a previous snapshot, never written in a template.
     */
    RESTATED,
    /** The limits ledger per country share on the data's date (docs/definitions.md, "Limits ledger"). */
    LEDGER,
    /** Granted vs used to date per month, all country shares together, for a chart. */
    LEDGER_TREND
}
