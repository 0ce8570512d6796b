package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.ScriptedChanges;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally diff} over two harvests with scripted changes between them (a limit cut, late usage, a termination, a price change). */
class DiffCommandTest {
    private static final ScriptedChanges CHANGES = ScriptedChanges.get();
    private static List<List<String>> all;

    @TempDir
    Path dir;

    /** The whole diff as CSV rows (kind, month, subject, id, item, old, new), header left out; computed once. */
    private static synchronized List<List<String>> rows() {
        if (all == null) {
            all = rows(new String[0]);
        }
        return all;
    }

    /** The diff with {@code extra} options as CSV rows. */
    private static List<List<String>> rows(String... extra) {
        CliRun r = CliRun.of(args(extra));
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().skip(1).map(CsvLine::split).toList();
    }

    private static String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("diff", "--old", CHANGES.before.toString(), "--new",
                CHANGES.after.toString(), "--format", "csv"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private static List<List<String>> of(List<List<String>> rows, String kind, String id) {
        return rows.stream().filter(r -> r.get(0).equals(kind) && r.get(3).equals(id)).toList();
    }

    @Test
    void showsTheLimitCutWithItsOldAndNewLimit() {
        List<List<String>> cut = of(rows(), "limit_changed", CHANGES.cut.uuid());

        assertThat(cut).hasSize(1);
        assertThat(cut.get(0).subList(4, 7)).containsExactly("gpu_k_hours", CHANGES.gpuBefore.toPlainString(),
                CHANGES.gpuAfter.toPlainString());
    }

    @Test
    void showsTheLateUsageOfTheClosedMonth() {
        List<List<String>> late = of(rows(), "usage_changed", CHANGES.late.uuid());

        assertThat(late).hasSize(1);
        assertThat(late.get(0).get(1)).isEqualTo("2026-10");
        assertThat(late.get(0).get(4)).isEqualTo("gpu_k_hours");
        assertThat(late.get(0).get(5)).isEqualTo(CHANGES.usageBefore == null ? "" : CHANGES.usageBefore.toPlainString());
        assertThat(new BigDecimal(late.get(0).get(6))).isEqualByComparingTo(CHANGES.usageAfter);
    }

    @Test
    void showsTheTerminationWithItsLastDay() {
        List<List<String>> ended = of(rows(), "allocation_terminated", CHANGES.terminated.uuid());

        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).subList(4, 7)).containsExactly("active until", "open", "2026-11-01");
    }

    @Test
    void showsEachRepricedComponentOfThePlan() {
        Map<String, List<String>> prices = of(rows(), "price_changed", CHANGES.plan).stream()
                .collect(Collectors.toMap(r -> r.get(4), r -> r));

        CHANGES.pricesBefore.forEach((component, old) -> {
            if (old.signum() != 0) {
                assertThat(new BigDecimal(prices.get(component).get(5))).isEqualByComparingTo(old);
                assertThat(new BigDecimal(prices.get(component).get(6)))
                        .isEqualByComparingTo(CHANGES.pricesAfter.get(component))
                        .isEqualByComparingTo(old.multiply(BigDecimal.valueOf(2)));
            }
        });
        assertThat(prices.keySet()).containsExactlyInAnyOrderElementsOf(CHANGES.pricesBefore.entrySet().stream()
                .filter(e -> e.getValue().signum() != 0).map(Map.Entry::getKey).toList());
    }

    @Test
    void onlyTheScriptedChangesAreListed() {
        List<List<String>> rows = rows();

        assertThat(rows).extracting(r -> r.get(0)).containsOnly("limit_changed", "usage_changed", "allocation_terminated",
                "price_changed");
        assertThat(rows).filteredOn(r -> !r.get(0).equals("price_changed")).hasSize(3);
    }

    @Test
    void theTextLeadsWithACountPerKind() {
        CliRun r = CliRun.of("diff", "--old", CHANGES.before.toString(), "--new", CHANGES.after.toString());

        List<String> lines = r.out().lines().toList();
        assertThat(r.code()).isZero();
        assertThat(lines.get(0)).startsWith((3 + of(rows(), "price_changed", CHANGES.plan).size())
                + " change(s) from the snapshot of 2026-11-01 (" + CHANGES.before + ") to the snapshot of 2026-12-01 (")
                .endsWith("; closed months are those before 2026-11.");
        assertThat(lines.subList(1, 9)).extracting(String::strip).containsExactly("0  Allocations added",
                "1  Allocations terminated", "1  Limits changed", "1  Usage reported late or corrected for closed months",
                "0  Order costs changed", lines.get(6).strip(), "0  Projects renamed", "0  Projects moved");
        assertThat(r.out()).contains("Limits changed (1):\n  " + CHANGES.cut.name() + " (" + CHANGES.cut.uuid() + "): gpu_k_hours "
                + CHANGES.gpuBefore.toPlainString() + " → " + CHANGES.gpuAfter.toPlainString() + "\n");
    }

    @Test
    void aSnapshotComparedWithItselfHasNoChanges() {
        CliRun r = CliRun.of("diff", "--old", CHANGES.after.toString(), "--new", CHANGES.after.toString());
        CliRun json = CliRun.of("diff", "--old", CHANGES.after.toString(), "--new", CHANGES.after.toString(), "--format", "json");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("No changes from the snapshot of 2026-12-01 (" + CHANGES.after + ") to the snapshot of 2026-12-01 ("
                + CHANGES.after + ").\n");
        assertThat(json.out()).contains("\"rows\" : [ ]").contains("\"limit_changed\" : 0");
    }

    @Test
    void aMonthLimitsTheUsageChangesToIt() {
        List<List<String>> rows = rows("--month", "2026-09");

        assertThat(rows).extracting(r -> r.get(0)).doesNotContain("usage_changed");
    }

    @Test
    void writesAWorkbookWithOut() {
        Path file = dir.resolve("changes.xlsx");

        CliRun r = CliRun.of("diff", "--old", CHANGES.before.toString(), "--new", CHANGES.after.toString(), "--format", "xlsx",
                "--out", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + file.toAbsolutePath().normalize() + " (");
        assertThat(file).isNotEmptyFile();
    }

    @Test
    void aMissingSnapshotIsAUsageErrorOfOneLine() {
        Path missing = dir.resolve("nothing-here");

        CliRun r = CliRun.of("diff", "--old", missing.toString(), "--new", CHANGES.after.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("--old: no snapshot at " + missing + ": directory does not exist");
    }

    @Test
    void aDamagedSnapshotIsAUsageError() throws Exception {
        Path damaged = dir.resolve("damaged");
        java.nio.file.Files.createDirectories(damaged);
        java.nio.file.Files.writeString(damaged.resolve("manifest.json"), "{not json");

        CliRun r = CliRun.of("diff", "--old", CHANGES.before.toString(), "--new", damaged.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("--new: snapshot " + damaged + " has an unreadable manifest.json");
    }
}
