/**
 * The compact, column-wise {@link dev.tally.core.dataset.Dataset} queries and checks read: dictionaries,
 * allocation columns, limit segments, usage columns and their exact sums; storage only, no cost rules.
 */
package dev.tally.core.dataset;
