package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.render.AtomicFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * picocli prints each element of a description on a line of its own and wraps only within it, so an option whose
 * text is split over several elements breaks mid-sentence wherever the source line ended: one element per option.
 */
class OptionHelpTest {

    @Test
    void everyOptionOfEveryCommandIsDescribedInOneParagraph() {
        StringWriter sink = new StringWriter();
        CommandLine root = TallyCommand.commandLine(TestClock.FIXED, AtomicFiles.DIRECT, new PrintWriter(sink),
                new PrintWriter(sink));
        List<String> split = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        int options = 0;
        for (int i = 0; i < commands.size(); i++) {
            CommandLine c = commands.get(i);
            commands.addAll(c.getSubcommands().values());
            for (OptionSpec o : c.getCommandSpec().options()) {
                options++;
                if (o.description().length > 1) {
                    split.add(c.getCommandName() + " " + o.longestName());
                }
            }
        }
        assertThat(options).isGreaterThan(100);
        assertThat(split).isEmpty();
    }
}
