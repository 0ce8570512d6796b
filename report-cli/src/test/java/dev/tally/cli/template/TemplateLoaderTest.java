package dev.tally.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates load, and every mistake is reported with file, line and what is wrong. */
class TemplateLoaderTest {
    @ParameterizedTest
    @ValueSource(strings = {"monthly-consortium", "funder-country-share", "ai-tech-breakdown"})
    void builtInTemplatesLoad(String name) {
        ReportTemplate t = TemplateLoader.builtIn(name);

        assertThat(t.name()).isEqualTo(name);
        assertThat(t.sections()).isNotEmpty();
        assertThat(t.source()).isEqualTo("templates/" + name + ".yaml");
    }

    private static final String GOOD = """
            name: t
            sections:
              - name: s
                query:
                  dimensions: [country]
                  measures: [cost]
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "      measures: [cots]|my.yaml:6:18: at 'sections[0].query.measures[0]': unknown measure 'cots' (did you mean 'cost'?);"
                + " measures are allocations,",
        "      dimensions: [contry]|my.yaml:5:7: at 'sections[0].query.dimensions': unknown dimension 'contry'; did you mean"
                + " 'country'?",
        "      dimensions: [nation]|my.yaml:5:7: at 'sections[0].query.dimensions': unknown dimension 'nation'; dimensions are"
                + " project, customer, country, country_source, offering, plan, resource_state, order_type, order_state,"
                + " is_industry, is_commercial, is_training, used_ai_tech, access_type, field_of_science, allocation, month,"
                + " quarter, year",
        "      filter: \"country = \"|my.yaml:7:7: at 'sections[0].query.filter': filter 'country = ':",
        "      period: last week|my.yaml:7:7: at 'sections[0].query.period': unknown period 'last week'",
        "      top: -1|my.yaml:7:7: at 'sections[0].query.top': 'top' must be a whole number from 0 to 2147483647, got '-1'",
        "      colour: red|my.yaml:7:7: at 'sections[0].query.colour': unknown key 'colour'; allowed here: [dimensions, filter, measures, period, sort, subtotals, top, total]"})
    void reportsFileLineAndProblem(String line, String message) {
        String text = GOOD.replace("      measures: [cost]\n", line.startsWith("      measures") ? line + "\n"
                : "      measures: [cost]\n").replace("      dimensions: [country]\n", line.startsWith("      dimensions")
                        ? line + "\n" : "      dimensions: [country]\n");
        if (!line.startsWith("      measures") && !line.startsWith("      dimensions")) {
            text = text + line + "\n";
        }
        String yaml = text;

        assertThatThrownBy(() -> TemplateLoader.parse(yaml, "my.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "    charts: [{name: c, type: donut, category: country, series: [cost]}]|my.yaml:7:24: at 'sections[0].charts[0].type': unknown chart type 'donut'",
        "    charts: [{name: c, type: bar, category: month, series: [cost]}]|my.yaml:7:35: at 'sections[0].charts[0].category': category 'month' must be one of the rows' dimensions [country]",
        "    charts: [{name: c, type: bar, category: country, series: [usage]}]|my.yaml:7:63: at 'sections[0].charts[0].series[0]': series 'usage' is not a measure of the query [cost]",
        "    pivot: country|my.yaml:7:5: at 'sections[0].pivot': a pivot needs a second dimension to keep as rows"})
    void checksChartsAndPivots(String line, String message) {
        assertThatThrownBy(() -> TemplateLoader.parse(GOOD + line + "\n", "my.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "name: t|my.yaml:1:1: at 'sections': a template needs a list of sections",
        "name: t\\nsections: [{name: s, kind: table}]|my.yaml:2:22: at 'sections[0].kind': unknown kind 'table'; use query, findings, provenance, ledger or ledger_trend",
        "name: t\\nsections:\\n  - {name: s, query: {measures: [cost]}}\\n  - {name: s, kind: provenance}|my.yaml:4:6: at 'sections[1].name': section name 's' is used twice",
        "name: [t|my.yaml:1:9: not valid YAML: while parsing a flow sequence"})
    void checksTheWholeTemplate(String text, String message) {
        assertThatThrownBy(() -> TemplateLoader.parse(text.replace("\\n", "\n"), "my.yaml")).isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(message);
    }
}
