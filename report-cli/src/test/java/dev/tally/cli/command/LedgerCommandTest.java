package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.DemoSnapshot;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally ledger}, black-box: a limit cut between two harvests over loopback HTTP, and the demo snapshot. */
class LedgerCommandTest {
    @TempDir
    static Path dir;
    private static Path before;
    private static Path after;
    private static String cutResource;
    private static BigDecimal cpuBefore;

    /** Harvests, cuts one running Finnish allocation's cpu_k_hours by 100 with an Update order, and harvests again. */
    @BeforeAll
    static void harvestCutHarvest() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withScale(1).withSeed(42))) {
            EmulatorHarvests api = new EmulatorHarvests(emulator);
            JsonNode target = null;
            for (JsonNode r : api.get("marketplace-resources/?state=OK&page_size=300")) {
                if (r.path("offering_name").asText().startsWith("LUMI Finland")
                        && r.path("limits").path("cpu_k_hours").asLong() >= 1000) {
                    target = r;
                    break;
                }
            }
            assertThat(target).as("a running Finnish allocation with cpu_k_hours ≥ 1000").isNotNull();
            cutResource = target.get("uuid").asText();
            // a write moves the emulator's clock past midnight, as the cut will: both harvests then count 1 November
            // (where resources whose limits differ from their last order's take over, docs/definitions.md §4)
            api.patch("marketplace-resources/" + cutResource + "/", "{\"description\": \"ledger test\"}");
            before = api.harvest(dir.resolve("before"));
            JsonNode limits = target.get("limits");
            cpuBefore = new BigDecimal(limits.get("cpu_k_hours").asText());
            api.updateLimits(cutResource, "{\"cpu_k_hours\": " + cpuBefore.subtract(BigDecimal.valueOf(100)).toPlainString()
                    + ", \"gpu_k_hours\": " + limits.path("gpu_k_hours").asText("0")
                    + ", \"gb_k_hours\": " + limits.path("gb_k_hours").asText("0") + "}");
            after = api.harvest(dir.resolve("after"));
        }
    }

    private static List<List<String>> csv(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        List<List<String>> rows = new ArrayList<>();
        r.out().lines().forEach(l -> rows.add(CsvLine.split(l)));
        return rows;
    }

    /** Country share → monthly cpu limit now, from {@code ledger --format csv}. */
    private static Map<String, BigDecimal> cpuLimitsNow(Path snapshot) {
        List<List<String>> rows = csv("ledger", "--snapshot", snapshot.toString(), "--format", "csv");
        int country = rows.get(0).indexOf("country");
        int component = rows.get(0).indexOf("component");
        int limit = rows.get(0).indexOf("limit_now");
        Map<String, BigDecimal> out = new TreeMap<>();
        rows.subList(1, rows.size()).stream().filter(r -> r.get(component).equals("cpu_k_hours"))
                .forEach(r -> out.put(r.get(country), new BigDecimal(r.get(limit))));
        return out;
    }

    @Test
    void anUpdateOrderCuttingALimitLowersTheCountryTotalByExactlyTheCut() {
        Map<String, BigDecimal> was = cpuLimitsNow(before);
        Map<String, BigDecimal> now = cpuLimitsNow(after);
        assertThat(now.get("Finland")).isEqualByComparingTo(was.get("Finland").subtract(BigDecimal.valueOf(100)));
        Map<String, BigDecimal> othersWas = new TreeMap<>(was);
        Map<String, BigDecimal> othersNow = new TreeMap<>(now);
        othersWas.remove("Finland");
        othersNow.remove("Finland");
        assertThat(othersNow).isEqualTo(othersWas);
    }

    @Test
    void theCutIsADatedNegativeChangeInTheAllocationsAndTheCountrysHistory() {
        List<List<String>> rows = csv("ledger", "--snapshot", after.toString(), "--history", "--group-by", "allocation",
                "--where", "allocation = '" + cutResource + "'", "--format", "csv");
        assertThat(rows.get(0)).containsExactly("day", "allocation", "component", "cause", "before", "after", "change");
        List<String> last = rows.get(rows.size() - 1);
        assertThat(last.get(0)).isEqualTo("2026-11-01");
        assertThat(last.subList(2, 4)).containsExactly("cpu_k_hours", "change");
        assertThat(new BigDecimal(last.get(4))).isEqualByComparingTo(cpuBefore);
        assertThat(new BigDecimal(last.get(6))).isEqualByComparingTo("-100");

        List<List<String>> country = csv("ledger", "--snapshot", after.toString(), "--history", "--where",
                "country = 'Finland'", "--format", "csv");
        List<String> cut = country.stream().filter(r -> r.get(0).equals("2026-11-01") && r.get(2).equals("cpu_k_hours"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(cut.get(6))).isEqualByComparingTo("-100");
        assertThat(new BigDecimal(cut.get(5))).isEqualByComparingTo(cpuLimitsNow(after).get("Finland"));
    }

    @Test
    void grantedToDateEqualsTheDayWeightedLimitsAQueryGivesOverTheSameDays() {
        List<List<String>> ledger = csv("ledger", "--snapshot", DemoSnapshot.get().toString(), "--format", "csv",
                "--where", "country = 'Sweden'");
        List<String> cpu = ledger.stream().filter(r -> r.contains("cpu_k_hours")).findFirst().orElseThrow();
        BigDecimal granted = new BigDecimal(cpu.get(ledger.get(0).indexOf("granted")));
        // the demo snapshot is taken at 2026-11-01T00:00: the ledger counts up to 31 October
        List<List<String>> query = csv("query", "--snapshot", DemoSnapshot.get().toString(), "--from", "2015-01-01", "--to",
                "2026-10-31", "--group-by", "country", "--measure", "limit.cpu_k_hours", "--where", "country = 'Sweden'",
                "--format", "csv", "--no-total");
        assertThat(granted).isEqualByComparingTo(new BigDecimal(query.get(1).get(1)));
    }

    @Test
    void xlsxHasTheBalancesTheHistoryAndGrantedVsUsedWithAChart() throws Exception {
        Path out = dir.resolve("ledger.xlsx");
        Path svg = dir.resolve("ledger.svg");
        CliRun r = CliRun.of("ledger", "--snapshot", DemoSnapshot.get().toString(), "--format", "xlsx", "--out", out.toString(),
                "--chart", svg.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("Ledger", "History", "Granted vs used");
            assertThat(wb.getSheet("Granted vs used").getDrawingPatriarch().getCharts()).hasSize(1);
        }
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("Granted vs used to date, gpu_k_hours");
    }

    @Test
    void theFunderTemplateCarriesTheLedgerWithEntitlementsAndTheGrantedVsUsedChart() throws Exception {
        Path out = dir.resolve("funder");
        // the tests run in report-cli/; the example lives at the repository's root
        CliRun r = CliRun.of("report", "--snapshot", DemoSnapshot.get().toString(), "--template", "funder-country-share",
                    "--year", "2026", "--entitlements", Path.of("..", "docs", "examples", "entitlements.yaml").toString(),
                    "--format", "csv,svg", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> section = Files.readAllLines(out.resolve("funder-country-share-2026-ledger.csv"));
        List<List<String>> command = csv("ledger", "--snapshot", DemoSnapshot.get().toString(), "--format", "csv",
                "--entitlements", Path.of("..", "docs", "examples", "entitlements.yaml").toString());
        assertThat(section.stream().map(CsvLine::split).toList()).isEqualTo(command);
        List<String> finlandGpu = command.stream().filter(l -> l.get(0).equals("Finland") && l.get(1).equals("gpu_k_hours"))
                .findFirst().orElseThrow();
        assertThat(finlandGpu.get(command.get(0).indexOf("entitlement"))).isEqualTo("50.0");
        List<String> trend = Files.readAllLines(out.resolve("funder-country-share-2026-granted-vs-used.csv"));
        assertThat(trend.get(0)).startsWith("month,granted.cpu_k_hours,used.cpu_k_hours,granted.gpu_k_hours");
        assertThat(trend.get(trend.size() - 1)).startsWith("2026-10,");
        assertThat(out.resolve("funder-country-share-2026-gpu-granted-vs-used.svg")).exists();
    }

    @Test
    void badArgumentsAreOneLineErrorsWithExitCode2() {
        CliRun by = CliRun.of("ledger", "--snapshot", DemoSnapshot.get().toString(), "--group-by", "project");
        assertThat(by.code()).isEqualTo(2);
        assertThat(by.err()).contains("--group-by project: use country or allocation");
        CliRun where = CliRun.of("ledger", "--snapshot", DemoSnapshot.get().toString(), "--where", "contry = 'x'");
        assertThat(where.code()).isEqualTo(2);
        assertThat(where.err()).contains("unknown dimension 'contry'").doesNotContain("Exception");
    }

    @Test
    void helpTeachesWithAnExample() {
        CliRun r = CliRun.of("ledger", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("burn rate", "not before the allocation ends", "./tally ledger --snapshot tally-demo/snapshot");
    }
}
