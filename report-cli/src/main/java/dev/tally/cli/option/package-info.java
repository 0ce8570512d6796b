/**
 * Option mixins shared by several commands (connection, snapshot, period, where, output format and file, currency),
 * the converter for options that take some of the output formats, and reading the token file they name.
 */
package dev.tally.cli.option;
