/**
 * What an adapter hands the core from a Waldur snapshot (offerings, resources and orders as plain
 * records; usages, millions of them, as a column-wise {@link dev.tally.core.input.UsageTable}), and
 * {@link dev.tally.core.input.FactAssembler}, which turns them into facts by the definitions in
 * docs/definitions.md. No JSON or HTTP types here.
 */
package dev.tally.core.input;
