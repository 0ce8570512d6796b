/** JMH benchmarks for the in-process parts (aggregation, rendering); run through {@code bench/run.sh}. */
package dev.tally.bench;
