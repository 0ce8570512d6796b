/** Allocation facts: one record per marketplace resource, already resolved to a country share. */
package dev.tally.core.fact;
