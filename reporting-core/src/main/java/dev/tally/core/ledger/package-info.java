/**
 * The limits ledger: the dated history of each allocation's and each country share's granted
 * limits, what was used to date, the burn rate and the projected exhaustion
 * (docs/definitions.md, "Limits ledger"). Reads a {@code Dataset}; no I/O.
 */
package dev.tally.core.ledger;
