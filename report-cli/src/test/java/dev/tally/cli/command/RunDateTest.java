package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Golden;
import dev.tally.cli.TestClock;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard against a hidden wall clock: the same report built with the clock at dates chosen to
 * break date arithmetic (a month's first day, a leap day, a year's last second, a date years ahead)
 * must give the same bytes wherever the output must not depend on the run date, and differ exactly
 * where it must: the harvest's own times, and the month they make the snapshot's current month.
 */
class RunDateTest {
    private static final List<String> DATES = List.of(
            "2026-12-01T00:00:00Z", "2028-02-29T12:00:00Z", "2027-12-31T23:59:59Z", "2041-06-15T08:30:00Z");
    private static final List<String> SECTIONS = List.of(
            "summary", "access-type", "industry", "lumi-options", "ai-tech", "cost-trend", "usage-trend", "projects", "orders",
            "data-quality");

    @TempDir
    Path dir;

    /** Every file in {@code folder} whose name ends with one of {@code suffixes}, by name. */
    private static Map<String, byte[]> files(Path folder, String... suffixes) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (Stream.of(suffixes).anyMatch(name::endsWith)) {
                    m.put(name, Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual, String when) {
        assertThat(actual.keySet()).as(when).isEqualTo(expected.keySet());
        expected.forEach((name, bytes) -> {
            if (name.endsWith(".xlsx")) {
                assertThat(actual.get(name)).as("%s %s", when, name).isEqualTo(bytes);
            } else {
                assertThat(new String(actual.get(name), StandardCharsets.UTF_8)).as("%s %s", when, name)
                        .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void theDemoWritesTheSameBytesOnAnyDate() throws Exception {
        List<Clock> clocks = new ArrayList<>();
        // The real clock too: the demo's claim is that today's date cannot reach its output at all.
        clocks.add(Clock.systemUTC());
        DATES.forEach(d -> clocks.add(TestClock.at(d)));
        // One free port for every run (the port is in the snapshot's URLs), so that a demo running
        // elsewhere on the default port cannot make the runs differ.
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Map<String, byte[]> first = null;
        for (int i = 0; i < clocks.size(); i++) {
            Path out = dir.resolve("demo-" + i);
            CliRun run = CliRun.on(clocks.get(i), "--quiet", "demo", "--out", out.toString(), "--port", Integer.toString(port));
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).as("no warning (the port was free)").isEmpty();
            Map<String, byte[]> written = files(out.resolve("reports"), ".csv", ".svg", ".xlsx");
            if (first == null) {
                first = written;
                assertThat(first).hasSize(SECTIONS.size() + 1 + 6 + 1);
            } else {
                assertSameBytes(first, written, "demo at " + clocks.get(i).instant());
            }
        }
        for (String section : SECTIONS) {
            Golden.assertMatches(dir.resolve("demo-0/reports/monthly-consortium-2026-10-" + section + ".csv"),
                    "monthly-consortium-2026-10-" + section + ".csv");
        }
        assertThat(new String(first.get("monthly-consortium-2026-10-provenance.csv"), StandardCharsets.UTF_8))
                .contains("Source API,Waldur marketplace API at http://127.0.0.1:" + port + "/api/")
                .contains("Harvest started,2026-11-01 00:00 UTC").contains("Harvest finished,2026-11-01 00:00 UTC");
    }

    @Test
    void aReportFromOneSnapshotIsTheSameWhateverDayItRuns() throws Exception {
        Map<String, byte[]> first = null;
        for (String date : DATES) {
            Path out = dir.resolve("report-" + date.substring(0, 10));
            CliRun run = CliRun.on(TestClock.at(date), "report", "--snapshot", DemoSnapshot.get().toString(),
                    "--template", "monthly-consortium", "--month", "2026-10", "--format", "csv,svg,xlsx", "--out", out.toString());
            assertThat(run.code()).as(run.err()).isZero();
            Map<String, byte[]> written = files(out, ".csv", ".svg", ".xlsx");
            if (first == null) {
                first = written;
            } else {
                assertSameBytes(first, written, "report at " + date);
            }
        }
    }

    @Test
    void aHarvestOnAnotherDayChangesOnlyItsTimesAndTheSnapshotMonth() throws Exception {
        Path token = dir.resolve("token");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            Files.writeString(token, emulator.staffToken());
            OwnerOnly.restrict(token);
            for (String date : DATES) {
                Clock clock = TestClock.at(date);
                Path snapshot = dir.resolve("snapshot-" + date.substring(0, 10));
                Path out = dir.resolve("reports-" + date.substring(0, 10));
                CliRun harvest = CliRun.on(clock, "--quiet", "harvest", "--url", emulator.baseUrl().toString(),
                        "--token-file", token.toString(), "--out", snapshot.toString());
                assertThat(harvest.code()).as(harvest.err()).isZero();
                CliRun report = CliRun.on(clock, "report", "--snapshot", snapshot.toString(), "--template", "monthly-consortium",
                        "--month", "2026-10", "--format", "csv", "--out", out.toString());
                assertThat(report.code()).as(report.err()).isZero();

                for (String section : SECTIONS) {
                    Path csv = out.resolve("monthly-consortium-2026-10-" + section + ".csv");
                    if (section.equals("data-quality")) {
                        // A resource whose limits differ from its last order's has its own limits from the start
                        // of the snapshot's month (docs/definitions.md): that month is the harvest's.
                        String month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).toString();
                        assertThat(Files.readString(csv)).as("data quality, harvested %s", date).isEqualTo(
                                Golden.read("monthly-consortium-2026-10-data-quality.csv")
                                        .replace("limits are used from 2026-11-01", "limits are used from " + month));
                    } else {
                        Golden.assertMatches(csv, "monthly-consortium-2026-10-" + section + ".csv");
                    }
                }
                List<String> provenance = Files.readAllLines(out.resolve("monthly-consortium-2026-10-provenance.csv"));
                String at = dev.tally.cli.render.Wording.asOf(Instant.parse(date));
                assertThat(provenance).contains("Harvest started," + at, "Harvest finished," + at);
            }
        }
    }
}
