/**
 * Unattended export: the YAML config, destination patterns, the lock that keeps two runs apart, and
 * the publisher that renders into a staging folder and renames finished files into place, and what a
 * run leaves for the operator: timestamped log lines, the run history and the {@code latest} pointer.
 */
package dev.tally.cli.report.publish;
