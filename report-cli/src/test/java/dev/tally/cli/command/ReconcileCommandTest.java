package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.dataset.Dataset;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally reconcile --site-usage}, black-box on the seed-42 snapshot with site files written from its own usages. */
class ReconcileCommandTest {
    private static final int OCTOBER = Dataset.epochMonth(YearMonth.of(2026, 10));
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final String UNKNOWN = "0000000000000000000000000000abcd";

    @TempDir
    static Path dir;
    private static Dataset data;
    /** Iceland's allocations' October usage: allocation UUID → component → k-hours. */
    private static final Map<String, Map<String, BigDecimal>> ICELAND = new LinkedHashMap<>();

    @BeforeAll
    static void icelandInOctober() {
        data = ReportInput.load(DemoSnapshot.get()).dataset();
        for (int i = 0; i < data.size(); i++) {
            if (!data.shares().label(data.share(i)).equals("Iceland")) {
                continue;
            }
            for (int k = data.usageStart(i); k < data.usageEnd(i); k++) {
                if (data.usageMonth(k) == OCTOBER) {
                    ICELAND.computeIfAbsent(data.resourceId(i), x -> new LinkedHashMap<>())
                            .put(data.componentName(data.usageComponent(k)), data.usageValue(k));
                }
            }
        }
    }

    /** Two sreport lines (two users) per allocation and TRES, in hours. */
    private static List<String> sreportLines() {
        List<String> lines = new ArrayList<>(List.of("# month|allocation|TRES|user|hours"));
        ICELAND.forEach((uuid, byComponent) -> byComponent.forEach((component, khours) -> {
            String tres = switch (component) {
                case "cpu_k_hours" -> "cpu";
                case "gpu_k_hours" -> "gres/gpu";
                default -> null;
            };
            if (tres != null) {
                BigDecimal hours = khours.multiply(THOUSAND);
                BigDecimal first = hours.divide(BigDecimal.valueOf(2));
                lines.add("2026-10|" + uuid + "|" + tres + "|alice|" + first.toPlainString());
                lines.add("2026-10|" + uuid + "|" + tres + "|bob|" + hours.subtract(first).toPlainString());
            }
        }));
        return lines;
    }

    private static CliRun reconcile(Path site, String mapping, String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--snapshot", DemoSnapshot.get().toString(), "--site-usage",
                site.toString(), "--mapping", mapping, "--where", "country = 'Iceland'"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<List<String>> rows(CliRun r) {
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().map(CsvLine::split).toList();
    }

    @Test
    void aSiteFileThatAgreesHasNoDifferences() throws Exception {
        Path site = Files.write(dir.resolve("agrees.txt"), sreportLines());
        List<List<String>> rows = rows(reconcile(site, "sreport", "--format", "csv"));
        assertThat(rows).containsExactly(List.of("allocation", "country", "month", "component", "tally", "other", "difference"));
    }

    @Test
    void threePlantedDifferencesAreExactlyTheThreeFound() throws Exception {
        List<String> lines = new ArrayList<>(sreportLines());
        List<String> uuids = new ArrayList<>();
        ICELAND.forEach((uuid, c) -> {
            if (c.containsKey("cpu_k_hours") && c.containsKey("gpu_k_hours")
                    && c.get("gpu_k_hours").compareTo(BigDecimal.ONE) > 0 && c.get("cpu_k_hours").compareTo(BigDecimal.ONE) > 0) {
                uuids.add(uuid);
            }
        });
        String a = uuids.get(0);
        String b = uuids.get(1);
        // 1: 750 hours more for one user of a's cpu; 2: b's gpu lines missing; 3: an allocation Waldur does not know
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("2026-10|" + a + "|cpu|alice|")).findFirst().orElseThrow());
        String[] cells = lines.get(at).split("\\|");
        lines.set(at, "2026-10|" + a + "|cpu|alice|" + new BigDecimal(cells[4]).add(BigDecimal.valueOf(750)).toPlainString());
        lines.removeIf(l -> l.startsWith("2026-10|" + b + "|gres/gpu|"));
        lines.add("2026-10|" + UNKNOWN + "|cpu|carol|2000");
        Path site = Files.write(dir.resolve("three.txt"), lines);

        List<List<String>> rows = rows(reconcile(site, "sreport", "--format", "csv", "--threshold", "0.5"));
        assertThat(rows).hasSize(4);
        BigDecimal aCpu = ICELAND.get(a).get("cpu_k_hours");
        BigDecimal bGpu = ICELAND.get(b).get("gpu_k_hours");
        assertThat(rows.subList(1, 4)).extracting(r -> List.of(r.get(1), r.get(2), r.get(3)))
                .containsExactlyInAnyOrder(List.of("Iceland", "2026-10", "cpu_k_hours"), List.of("Iceland", "2026-10", "gpu_k_hours"),
                        List.of("(unknown)", "2026-10", "cpu_k_hours"));
        for (List<String> r : rows.subList(1, 4)) {
            BigDecimal diff = new BigDecimal(r.get(6));
            if (r.get(0).contains(a)) {
                assertThat(diff).isEqualByComparingTo("0.75");
                assertThat(new BigDecimal(r.get(4))).isEqualByComparingTo(aCpu);
            } else if (r.get(0).contains(b)) {
                assertThat(diff).isEqualByComparingTo(bGpu.negate());
                assertThat(new BigDecimal(r.get(5))).isEqualByComparingTo("0");
            } else {
                assertThat(r.get(0)).isEqualTo(UNKNOWN);
                assertThat(diff).isEqualByComparingTo("2");
            }
        }
        // the totals per share cover every row compared, the differing ones counted
        List<List<String>> totals = rows(reconcile(site, "sreport", "--format", "csv", "--threshold", "0.5", "--totals"));
        List<String> icelandCpu = totals.stream().filter(r -> r.get(0).equals("Iceland") && r.get(1).equals("cpu_k_hours"))
                .findFirst().orElseThrow();
        BigDecimal allCpu = ICELAND.values().stream().map(c -> c.getOrDefault("cpu_k_hours", BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(icelandCpu.get(2))).isEqualByComparingTo(allCpu);
        assertThat(new BigDecimal(icelandCpu.get(4))).isEqualByComparingTo("0.75");
        assertThat(icelandCpu.get(5)).isEqualTo("1");
        assertThat(totals.get(totals.size() - 1)).containsExactly("(unknown)", "cpu_k_hours", "0", "2", "2", "1");
    }

    @Test
    void failOnDifferencesExitsOneOnlyWhenADifferenceIsAboveTheThreshold() throws Exception {
        Path agrees = Files.write(dir.resolve("agrees-fail.txt"), sreportLines());
        assertThat(reconcile(agrees, "sreport", "--format", "csv", "--fail-on-differences").code()).isZero();
        List<String> lines = new ArrayList<>(sreportLines());
        lines.add("2026-10|" + UNKNOWN + "|cpu|carol|2000");
        Path one = Files.write(dir.resolve("one-fail.txt"), lines);
        // 2 k-hours apart: above a threshold of 1.5, not above 2; without the option the exit stays 0
        CliRun above = reconcile(one, "sreport", "--format", "csv", "--threshold", "1.5", "--fail-on-differences");
        assertThat(above.code()).isEqualTo(1);
        assertThat(above.out().lines().toList()).hasSize(2).last().asString().startsWith(UNKNOWN + ",(unknown),2026-10,cpu_k_hours,");
        assertThat(reconcile(one, "sreport", "--format", "csv", "--threshold", "2", "--fail-on-differences").code()).isZero();
        assertThat(reconcile(one, "sreport", "--format", "csv", "--threshold", "1.5").code()).isZero();
    }

    @Test
    void aLumiAllocationsFileIsReadPerProjectWithOneColumnPerComponent() throws Exception {
        Map<String, BigDecimal[]> byProject = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            Map<String, BigDecimal> u = ICELAND.get(data.resourceId(i));
            if (u == null) {
                continue;
            }
            BigDecimal[] sums = byProject.computeIfAbsent(data.projects().id(data.project(i)),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(u.getOrDefault("cpu_k_hours", BigDecimal.ZERO).multiply(THOUSAND));
            sums[1] = sums[1].add(u.getOrDefault("gpu_k_hours", BigDecimal.ZERO).multiply(THOUSAND));
            sums[2] = sums[2].add(u.getOrDefault("gb_k_hours", BigDecimal.ZERO));
        }
        List<String> lines = new ArrayList<>(List.of("project,month,cpu_core_hours,gpu_hours,storage_tb_hours"));
        byProject.forEach((p, s) -> lines.add(p + ",2026-10," + s[0].toPlainString() + "," + s[1].toPlainString() + ","
                + s[2].toPlainString()));
        Path site = Files.write(dir.resolve("lumi.csv"), lines);
        assertThat(rows(reconcile(site, "lumi-allocations", "--format", "csv"))).hasSize(1);
        // one project's storage is 10 TB-hours more
        lines.set(1, lines.get(1).replaceFirst(",([^,]*)$", ",") + byProject.values().iterator().next()[2].add(BigDecimal.TEN).toPlainString());
        Files.write(site, lines);
        List<List<String>> rows = rows(reconcile(site, "lumi-allocations", "--format", "csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(3)).isEqualTo("gb_k_hours");
        assertThat(new BigDecimal(rows.get(1).get(6))).isEqualByComparingTo("10");
    }

    @Test
    void aBadLineIsOneFileColonLineErrorWithExitCode2() throws Exception {
        Path site = Files.write(dir.resolve("bad.txt"), List.of("# header", "2026-10|abc|cpu|alice|12", "2026-13|abc|cpu|bob|1"));
        CliRun r = reconcile(site, "sreport");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo(site + ":3: '2026-13' is not a month (YYYY-MM or YYYY-MM-DD)");
        Files.write(site, List.of("2026-10|abc|mem|alice|12"));
        assertThat(reconcile(site, "sreport").err()).startsWith(site + ":1: component 'mem' is not in the mapping (it maps cpu, gres/gpu)");
        Files.write(site, List.of("2026-10|abc|cpu|alice|lots"));
        assertThat(reconcile(site, "sreport").err()).startsWith(site + ":1: 'lots' is not a number");
        Files.write(site, List.of("project,month,cpu"));
        CliRun header = reconcile(site, "lumi-allocations");
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).startsWith(site + ":1: the header has no column 'cpu_core_hours'");
        Path mapping = Files.writeString(dir.resolve("bad.yaml"), "delimiter: ';'\nheader: true\ncolums: {}\n");
        CliRun m = reconcile(site, mapping.toString());
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err()).startsWith(mapping + ":1: columns.key is required").contains(mapping + ":3: unknown key 'colums'");
    }

    @Test
    void aMappingFileIsCheckedWholeAndEveryProblemListed() throws Exception {
        Path site = Files.write(dir.resolve("site.txt"), List.of("2026-10|abc|cpu|alice|12"));
        Path mapping = Files.writeString(dir.resolve("bad.yaml"), "delimiter: ';;'\nkey: user\ncolums: {}\n"
                + "columns: {key: 1, month: 2, component: 3}\ncomponents:\n  cpu: {component: cpu_k_hours, factor: lots}\n"
                + "  gpu: 4\n");
        CliRun r = reconcile(site, mapping.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith(mapping.toString())).toList()).containsExactly(
                mapping + ":1: delimiter must be one character, not ';;'",
                mapping + ":2: key must be allocation or project",
                mapping + ":3: unknown key 'colums' (keys: amounts, columns, components, delimiter, header, key)",
                mapping + ":4: columns.amount is required",
                mapping + ":6: components.cpu.factor is not a number",
                mapping + ":7: components.gpu needs {component: C, factor: F}");
    }
}
