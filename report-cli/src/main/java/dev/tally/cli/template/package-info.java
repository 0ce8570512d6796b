/**
 * Report templates: YAML files that name core queries (dimensions, measures, filter, period relative
 * to the report's) plus presentation (sheet, charts). Loading validates them with file and line in
 * every message; nothing here renders or computes figures.
 */
package dev.tally.cli.template;
