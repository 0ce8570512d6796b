/** Report assembly: which tables a report has and which files it writes, independent of any command. */
package dev.tally.cli.report;
