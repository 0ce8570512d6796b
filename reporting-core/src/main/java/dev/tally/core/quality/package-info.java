/**
 * Data-quality checks over a dataset, and over the facts while they are assembled ({@link
 * dev.tally.core.quality.ProjectChecks}): findings with a kind, a severity, a subject and a message.
 */
package dev.tally.core.quality;
