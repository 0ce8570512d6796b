/**
 * Unattended export: the YAML config, destination patterns, the lock that keeps two runs apart, and
 * the publisher that renders into a staging folder and renames finished files into place.
 */
package dev.tally.cli.report.publish;
