/**
 * One class per subcommand ({@code tally demo}, {@code tally harvest}, …), and the two bases the pipeline commands
 * share: {@link dev.tally.cli.command.TallySubcommand} and {@link dev.tally.cli.command.SnapshotCommand}.
 */
package dev.tally.cli.command;
