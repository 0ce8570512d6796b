/**
 * The compact, column-wise {@link dev.tally.core.dataset.Dataset} queries run on, and the
 * {@link dev.tally.core.dataset.Accrual} that computes an allocation's cost, limits and usage per month.
 */
package dev.tally.core.dataset;
