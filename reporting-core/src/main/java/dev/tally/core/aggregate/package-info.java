/** Summaries of facts per country share and per project. */
package dev.tally.core.aggregate;
