/** One class per subcommand ({@code tally demo}, {@code tally harvest}, …). */
package dev.tally.cli.command;
