/** The plain result table that every renderer consumes: typed columns, rows and an optional totals row. */
package dev.tally.core.table;
