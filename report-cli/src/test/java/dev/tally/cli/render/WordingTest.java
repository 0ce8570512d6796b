package dev.tally.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Headers, option values and units as people read them, and sheet names Excel accepts. */
class WordingTest {
    private final Wording eur = Wording.DEFAULT;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit.cpu_k_hours|Limit cpu_k_hours|KHOURS||CPU k-hours allocated",
        "usage.gpu_k_hours|Usage gpu_k_hours|KHOURS||GPU k-hours used",
        "utilisation.gb_k_hours|Utilisation gb_k_hours|PERCENT||GB k-hours utilisation",
        "usage.tpu_hours|Usage tpu_hours|KHOURS||tpu_hours used",
        "limit.gpu_k_hours.share|Limit gpu_k_hours share|PERCENT||GPU k-hours allocated, share of total",
        "entitlement.cpu_k_hours|Entitlement cpu_k_hours|PERCENT||CPU k-hours entitlement",
        "cost|Cost|MONEY||Cost (EUR)",
        "order_cost|Order cost|MONEY||Order cost (EUR)",
        "cost_ytd|Cost year to date|MONEY||Cost year to date (EUR)",
        "usage.gpu_k_hours@true|Usage gpu_k_hours (true)|KHOURS|is_industry|GPU k-hours used, Industry: Yes",
        "usage.gpu_k_hours@unknown|Usage gpu_k_hours (unknown)|KHOURS|is_training|GPU k-hours used, Training: Not set",
        "cost@Finland|Cost (Finland)|MONEY|country|Cost (EUR), Finland",
        "country|Country share|TEXT||Country share"})
    void headersAreWords(String key, String title, ColumnType type, String pivot, String expected) {
        assertThat(eur.header(new Column(key, title, type), pivot)).isEqualTo(expected);
    }

    @Test
    void aComponentWithoutWordsIsNamedWithItsOfferingsMeasuredUnitInHeadersAndUnitLines() {
        Wording w = eur.withMeasuredUnits(java.util.Map.of("qpu_seconds", "QPU seconds", "cpu_k_hours", "CPU kH",
                "storage", "GB or TB"));
        assertThat(w.header(new Column("usage.qpu_seconds", "", ColumnType.KHOURS), null))
                .isEqualTo("qpu_seconds (QPU seconds) used");
        assertThat(w.header(new Column("limit.qpu_seconds@Finland", "", ColumnType.KHOURS), "country"))
                .isEqualTo("qpu_seconds (QPU seconds) allocated, Finland");
        // LUMI's own components keep their words; two offerings measuring one component differently say so
        assertThat(w.header(new Column("usage.cpu_k_hours", "", ColumnType.KHOURS), null)).isEqualTo("CPU k-hours used");
        assertThat(w.header(new Column("usage.storage", "", ColumnType.KHOURS), null))
                .isEqualTo("storage (GB or TB) used");
        assertThat(w.units(List.of(new Column("usage.qpu_seconds", "", ColumnType.KHOURS),
                new Column("usage.tpu_hours", "", ColumnType.KHOURS)))).containsExactly(
                "qpu_seconds: in QPU seconds, the offering's measured unit.",
                "tpu_hours: as the offering's component reports it.");
        // a chart of that component without an axis label of its own gets one; LUMI's and labelled charts keep theirs
        dev.tally.cli.template.ChartSpec qpu = new dev.tally.cli.template.ChartSpec("qpu", dev.tally.cli.template.ChartType.BAR, "QPU", "country",
                List.of("usage.qpu_seconds@Finland", "usage.qpu_seconds@Sweden"), null);
        assertThat(w.withAxis(qpu).axis()).isEqualTo("qpu_seconds (QPU seconds)");
        dev.tally.cli.template.ChartSpec cpu = new dev.tally.cli.template.ChartSpec("cpu", dev.tally.cli.template.ChartType.BAR, "CPU", "country",
                List.of("usage.cpu_k_hours"), null);
        assertThat(w.withAxis(cpu)).isSameAs(cpu);
        dev.tally.cli.template.ChartSpec labelled = new dev.tally.cli.template.ChartSpec("q", dev.tally.cli.template.ChartType.BAR, "Q", "country",
                List.of("usage.qpu_seconds"), "seconds");
        assertThat(w.withAxis(labelled)).isSameAs(labelled);
    }

    @Test
    void currencyComesFromConfigurationAndMustBeThreeLetters() {
        assertThat(new Wording("chf").header(new Column("cost", "Cost", ColumnType.MONEY), null)).isEqualTo("Cost (CHF)");
        assertThatThrownBy(() -> new Wording("euro")).hasMessage("currency 'euro' is not a three-letter code such as EUR");
    }

    @Test
    void optionValuesAreYesNoNotSetOnlyInOptionColumns() {
        assertThat(Wording.value("is_commercial", "false")).isEqualTo("No");
        assertThat(Wording.value("is_training", "unknown")).isEqualTo("Not set");
        assertThat(Wording.value("project", "true")).isEqualTo("true");
    }

    @Test
    void unitsAreExplainedOncePerComponentThenTheCurrency() {
        List<Column> cols = List.of(new Column("limit.gb_k_hours", "", ColumnType.KHOURS),
                new Column("usage.gb_k_hours@true", "", ColumnType.KHOURS), new Column("usage.tpu_hours", "", ColumnType.KHOURS),
                new Column("cost", "", ColumnType.MONEY));

        assertThat(eur.units(cols)).containsExactly("GB k-hours: thousands of GB-hours, that is TB-hours.",
                "tpu_hours: as the offering's component reports it.", "Costs in EUR.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Summary per country share|Summary per country share",
        "GPU and CPU k-hours by country share and industry flag|GPU and CPU k-hours by country",
        "Orders of the month by type and state|Orders of the month by type",
        "Cost: a/b [draft]?|Cost- a-b -draft--",
        "'quoted'|quoted",
        "Abcdefghijklmnopqrstuvwxyzabcdefghij|Abcdefghijklmnopqrstuvwxyzabcde"})
    void sheetNamesFollowExcelsRules(String title, String expected) {
        assertThat(XlsxRenderer.uniqueSheetName(title, new HashSet<>())).isEqualTo(expected);
    }

    @Test
    void aRepeatedSheetNameGetsANumber() {
        Set<String> used = new HashSet<>();

        XlsxRenderer.uniqueSheetName("Projects", used);

        assertThat(XlsxRenderer.uniqueSheetName("projects", used)).isEqualTo("projects (2)");
    }
}
