package dev.tally.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.command.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template or config is checked whole: every problem is listed, one {@code FILE:LINE:COLUMN} line each in
 * the order of the file, then exit 2; YAML that cannot be parsed on is one line (docs/reliability.md).
 */
class WholeFileCheckTest {
    @TempDir
    Path dir;

    private CliRun report(Path template) {
        return CliRun.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template", template.toString(),
                "--month", "2026-10", "--out", dir.resolve("out").toString());
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void aTemplateWithSevenProblemsListsAllSeven() throws Exception {
        Path t = write("t.yaml",
                "name: t",
                "colour: red",
                "sections:",
                "  - name: s",
                "    query:",
                "      dimensions: [country]",
                "      measures: [cost, nonsense]",
                "      subtotals: yes",
                "      top: many",
                "  - title: no name",
                "    query:",
                "      measures: [cost]",
                "      filter: [a]",
                "  - name: s",
                "    query:",
                "      measures: [cost]",
                "      measures: [allocations]");

        CliRun run = report(t);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        String f = t + ":";
        assertThat(run.err().lines().toList()).containsExactly(
                f + "2:1: at 'colour': unknown key 'colour'; allowed here: [data_sheet, description, name, sections, title]",
                f + "7:24: at 'sections[0].query.measures[1]': unknown measure 'nonsense'; measures are allocations, projects,"
                        + " cost, order_cost, orders, limit.C, usage.C, utilisation.C, each also as share.M, change.M or change_pct.M"
                        + " (C a component such as cpu_k_hours, or * for all)",
                f + "8:7: at 'sections[0].query.subtotals': 'subtotals' must be true or false, got 'yes'"
                        + " (write true or false, unquoted; yes/no/on/off are not flags here)",
                f + "9:7: at 'sections[0].query.top': 'top' must be a whole number from 0 to 2147483647, got 'many'",
                f + "10:5: at 'sections[1]': 'name' is required",
                f + "13:7: at 'sections[1].query.filter': 'filter' is text, got a list",
                f + "17:7: at 'sections[2].query.measures': the key 'measures' is given twice (first on line 16)",
                "Try 'tally report --help' for more information.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void yamlThatCannotBeParsedOnIsOneLine() throws Exception {
        Path t = write("t.yaml", "name: t", "colour: red", "sections: [");

        CliRun run = report(t);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().toList()).containsExactly(
                t + ":3:12: not valid YAML: while parsing a flow node", "Try 'tally report --help' for more information.");
    }

    @Test
    void anExportConfigListsEveryProblemInItsLogFormat() throws Exception {
        Path cfg = write("export.yaml",
                "snapshot: snap",
                "templates: [ai-tech-breakdown, ai-tech-breakdown]",
                "month: October",
                "strict: on",
                "file_mode: 0640",
                "history: {keep: 0}");

        CliRun run = CliRun.of("export", "--config", cfg.toString());

        assertThat(run.code()).isEqualTo(2);
        String f = "2026-11-02T06:00:00Z tally export: " + cfg + ":";
        assertThat(run.err().lines().toList()).containsExactly(
                f + "1:1: 'destination' is required, e.g. /share/lumi/{yyyy}/{MM}/",
                f + "2:1: at 'templates': template 'ai-tech-breakdown' is listed twice",
                f + "3:1: at 'month': month 'October' is not 'previous' or YYYY-MM",
                f + "4:1: at 'strict': 'strict' must be true or false, got 'on' (write true or false, unquoted; yes/no/on/off are not flags here)",
                f + "5:1: at 'file_mode': write 'file_mode' in quotes, e.g. file_mode: \"0640\"",
                f + "6:11: at 'history.keep': 'keep' must be a whole number from 1 to 1000, got '0'",
                "Try 'tally export --help' for more information.");
    }

    @Test
    void aFlagIsTrueOrFalseAndYamlsOtherBooleanWordsAreRefused() throws Exception {
        for (String word : List.of("yes", "on", "'yes'", "Yes", "off", "'true'")) {
            Path t = write("t.yaml", "name: t", "data_sheet: " + word, "sections: [{name: s, query: {measures: [cost]}}]");
            CliRun run = report(t);
            String shown = word.replace("'", "");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err().lines().findFirst().orElseThrow()).as(word).isEqualTo(t + ":2:1: at 'data_sheet':"
                    + " 'data_sheet' must be true or false, got '" + shown + "' (write true or false, unquoted; yes/no/on/off are not flags here)");
        }
        Path ok = write("t.yaml", "name: t", "data_sheet: true", "sections: [{name: s, query: {measures: [cost]}}]");
        assertThat(TemplateLoader.load(ok.toString()).dataSheet()).isTrue();
        // the same rule keeps a text that looks like a YAML 1.1 boolean a text: 'no' is Norway's code, not false
        Path text = write("t.yaml", "name: t", "title: no", "sections: [{name: s, query: {measures: [cost]}}]");
        assertThat(TemplateLoader.load(text.toString()).title()).isEqualTo("no");
    }
}
