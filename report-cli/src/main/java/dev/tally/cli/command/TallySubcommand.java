package dev.tally.cli.command;

import dev.tally.cli.TallyCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A subcommand that runs with the top command's settings ({@code --quiet}, the clock, the file writer): its own
 * picocli model and the {@link TallyCommand} it runs under, injected by picocli. It declares no option, so a
 * subclass's options keep their order in {@code --help}.
 */
public abstract class TallySubcommand {
    @Spec
    protected CommandSpec spec;

    @ParentCommand
    protected TallyCommand top;
}
