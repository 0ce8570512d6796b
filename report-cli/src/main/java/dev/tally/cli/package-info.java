/** The {@code tally} command line: entry point, top command, error handling and exit codes. */
package dev.tally.cli;
