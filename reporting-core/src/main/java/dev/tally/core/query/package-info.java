/**
 * The query engine: {@link dev.tally.core.query.Query} (period, dimensions, measures, filter, sort,
 * top N, subtotals), the filter parser, and {@link dev.tally.core.query.QueryEngine#run}, which returns
 * a {@link dev.tally.core.table.ResultTable}. Errors are {@link dev.tally.core.query.QueryException}s
 * naming the problem and its position.
 */
package dev.tally.core.query;
