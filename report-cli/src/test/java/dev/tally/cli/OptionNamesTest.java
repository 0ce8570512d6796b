package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.render.AtomicFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One spelling for the output format and one for the output location across every command (README, "Reports,
 * queries and unattended exports"): {@code -f/--format} and {@code -o/--out}. Older public spellings stay as
 * aliases ({@code -O/--output} of the management commands).
 */
class OptionNamesTest {
    private static Map<String, CommandLine> commands() {
        CommandLine root = TallyCommand.commandLine(TestClock.FIXED, AtomicFiles.DIRECT, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Map<String, CommandLine> out = new TreeMap<>();
        walk(root, out);
        return out;
    }

    private static void walk(CommandLine c, Map<String, CommandLine> out) {
        out.put(c.getCommandSpec().qualifiedName(), c);
        c.getSubcommands().values().forEach(s -> walk(s, out));
    }

    /** "command: names" for each option that names a format or a location, so a failure lists them all. */
    @Test
    void everyFormatIsDashFFormatAndEveryLocationIsDashOOut() {
        List<String> formats = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        commands().forEach((name, c) -> {
            for (OptionSpec o : c.getCommandSpec().options()) {
                List<String> names = List.of(o.names());
                if (names.contains("--format") || names.contains("--output") || names.contains("-O")) {
                    formats.add(name + ": " + String.join(",", names));
                }
                if (names.contains("--out") || names.stream().anyMatch(n -> n.matches("--(output-dir|dest|dir|out-dir|outdir)"))) {
                    locations.add(name + ": " + String.join(",", names));
                }
            }
        });
        assertThat(formats).allMatch(f -> f.endsWith(": -f,--format") || f.endsWith(": -f,--format,-O,--output"))
                .contains("tally query: -f,--format", "tally report: -f,--format", "tally reconcile: -f,--format",
                        "tally ledger: -f,--format", "tally diff: -f,--format", "tally orders list: -f,--format,-O,--output",
                        "tally resources list: -f,--format,-O,--output", "tally offerings list: -f,--format,-O,--output");
        assertThat(locations).allMatch(l -> l.endsWith(": -o,--out"))
                .contains("tally query: -o,--out", "tally report: -o,--out", "tally harvest: -o,--out", "tally demo: -o,--out");
    }
}
