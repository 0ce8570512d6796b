/**
 * Facts: allocations (lifetime, limits over time, country share, LUMI options), orders and monthly
 * usages, already resolved from Waldur records. No Waldur wire types and no I/O here.
 */
package dev.tally.core.fact;
