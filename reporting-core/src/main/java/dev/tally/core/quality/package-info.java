/** Data-quality checks over a dataset: findings with a kind, a severity, a subject and a message. */
package dev.tally.core.quality;
