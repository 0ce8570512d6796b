/**
 * The snapshot cache: a snapshot's source data in a verified binary file beside it, so that a second report or query
 * of the same snapshot skips inflating and parsing its JSON lines (docs/cache.md).
 */
package dev.tally.cli.cache;
