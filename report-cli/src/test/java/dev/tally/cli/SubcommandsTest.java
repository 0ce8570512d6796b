package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.command.CliRun;
import dev.tally.cli.command.CompletionCommand;
import dev.tally.cli.command.QueryCommand;
import dev.tally.cli.command.ReportCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds the picocli model of the subcommand it runs only, and behaves as if it had built them all. */
class SubcommandsTest {
    @Test
    void theFirstArgumentThatIsNoOptionNamesTheOnlySubcommandBuilt() {
        assertThat(TallyCommand.subcommands("query", "--snapshot", "s")).containsExactly(QueryCommand.class);
        assertThat(TallyCommand.subcommands("-q", "--verbose", "report", "--help")).containsExactly(ReportCommand.class);
    }

    @Test
    void everySubcommandIsBuiltWhenNoneIsNamedOrTheNamedOneReadsTheWholeTree() {
        assertThat(TallyCommand.subcommands()).hasSize(16);
        assertThat(TallyCommand.subcommands("--help")).hasSize(16);
        assertThat(TallyCommand.subcommands("quer")).hasSize(16);
        assertThat(TallyCommand.subcommands("help", "query")).hasSize(16).contains(CommandLine.HelpCommand.class);
        assertThat(TallyCommand.subcommands("completion")).hasSize(16).contains(CompletionCommand.class);
    }

    @Test
    void theVersionAloneBuildsNoSubcommandAndPrintsTheSameAsAmongAllOthers() {
        assertThat(TallyCommand.subcommands("--version")).isEmpty();
        assertThat(TallyCommand.subcommands("-q", "-V")).isEmpty();
        assertThat(TallyCommand.subcommands("--version", "--help")).hasSize(16);
        assertThat(TallyCommand.subcommands("-qV")).hasSize(16);
        assertThat(TallyCommand.subcommands("--version", "query")).containsExactly(QueryCommand.class);

        CliRun alone = CliRun.of("--version");
        CliRun amongAll = CliRun.of("-qV");
        assertThat(alone.code()).isZero();
        assertThat(alone.out()).startsWith("tally ").isEqualTo(amongAll.out());
    }

    @Test
    void theNamesThatPickASubcommandAreTheNamesPicocliGivesThem() {
        for (Class<?> c : TallyCommand.subcommands()) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertThat(TallyCommand.SUBCOMMAND_NAMES).containsEntry(name, c);
        }
        assertThat(TallyCommand.SUBCOMMAND_NAMES).hasSize(16);
    }

    @Test
    void aSubcommandsHelpIsTheSameBuiltAloneAsAmongAllOthers() {
        CliRun alone = CliRun.of("report", "--help");
        CliRun amongAll = CliRun.of("help", "report");

        assertThat(alone.code()).isZero();
        assertThat(alone.out()).startsWith("Render a report template").isEqualTo(amongAll.out());
    }

    @Test
    void aMistypedSubcommandStillGetsSuggestions() {
        CliRun run = CliRun.of("-q", "quer");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 1: 'quer'", "Did you mean: tally query");
    }
}
