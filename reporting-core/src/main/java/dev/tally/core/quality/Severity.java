package dev.tally.core.quality;

/** How much a finding matters to a reader of the figures. */
public enum Severity {
    /** A figure is likely wrong or missing (for example an order cost that does not match its plan). */
    ERROR,
    /** A figure is right by the definitions but deserves a look (for example usage above the limit). */
    WARNING,
    /** Worth knowing; no figure is affected. */
    INFO
}
