/**
 * Cost in {@code BigDecimal} (docs/definitions.md, "Cost"): plan prices, the Waldur estimate, the
 * price table of a dataset's plans and the accrual of an allocation's figures month by month.
 */
package dev.tally.core.cost;
