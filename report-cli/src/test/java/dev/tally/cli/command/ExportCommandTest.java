package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.FaultyMain;
import dev.tally.cli.Main;
import dev.tally.cli.TestClock;
import dev.tally.cli.render.AtomicFiles;
import dev.tally.cli.render.FaultPlan;
import dev.tally.cli.report.publish.Publisher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tally export}: atomic publishing, in-place re-runs, failures that leave the previous files, the lock. */
class ExportCommandTest {
    @TempDir
    Path dir;
    Path config;
    Path month;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("export.yaml");
        Files.writeString(config, String.join("\n",
                "snapshot: " + DemoSnapshot.get(),
                "templates: [ai-tech-breakdown]",
                "formats: [xlsx, csv, png]",
                "destination: share/lumi/{yyyy}/{MM}/",
                "month: 2026-10", ""));
        month = dir.resolve("share/lumi/2026/10");
    }

    private record Result(int code, String out, String err) {
    }

    private Result export(String... extra) {
        return export(AtomicFiles.DIRECT, extra);
    }

    private Result export(AtomicFiles files, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("export", "--config", config.toString()));
        args.addAll(List.of(extra));
        int code = Main.run(TestClock.FIXED, files, new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private Map<String, byte[]> contents(Path folder) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.walk(dir.resolve("share"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.startsWith(Publisher.STAGING_PREFIX)).toList();
        }
    }

    @Test
    void publishesAndLogsWhatWasWritten() throws Exception {
        Result r = export();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(contents(month).keySet()).containsExactly("ai-tech-breakdown-2026-10-ai-tech-cost.png",
                "ai-tech-breakdown-2026-10-ai-tech-gpu-by-country.png", "ai-tech-breakdown-2026-10-by-country.csv",
                "ai-tech-breakdown-2026-10-by-tech.csv", "ai-tech-breakdown-2026-10-gpu-by-country.csv",
                "ai-tech-breakdown-2026-10-provenance.csv", "ai-tech-breakdown-2026-10.xlsx");
        assertThat(r.out()).startsWith("2026-11-02T06:00:00Z tally export: 2026-10: wrote 7 files to " + month.toAbsolutePath().normalize()
                + " (ai-tech-breakdown; tally ");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void rerunningTheMonthReplacesItsFilesInPlace() throws Exception {
        export();
        Files.writeString(month.resolve("ai-tech-breakdown-2026-10-by-tech.csv"), "stale");

        Result r = export();

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(contents(month)).hasSize(7);
        assertThat(Files.readString(month.resolve("ai-tech-breakdown-2026-10-by-tech.csv"))).startsWith("used_ai_tech,");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFullDiskLeavesThePreviousFilesAndNoTemporaryFiles() throws Exception {
        export();
        Files.writeString(month.resolve("ai-tech-breakdown-2026-10-by-tech.csv"), "previous run");
        Map<String, byte[]> before = contents(month);

        Result r = export(new AtomicFiles(new FaultPlan(FaultPlan.Action.ENOSPC, 4)));

        assertThat(r.code()).isEqualTo(1);
        // a failure is a log line like the others: the run's UTC time first
        assertThat(r.err()).isEqualTo("2026-11-02T06:00:00Z tally export: I/O error: No space left on device" + System.lineSeparator());
        assertThat(contents(month)).containsExactlyInAnyOrderEntriesOf(before);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aKilledRunLeavesThePreviousFilesAndTheNextRunSweepsItsStaging() throws Exception {
        export();
        Map<String, byte[]> before = contents(month);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), FaultyMain.class.getName(), "halt:5", "export", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();

        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(137);
        assertThat(contents(month)).containsExactlyInAnyOrderEntriesOf(before);
        try (Stream<Path> s = Files.list(month)) {
            assertThat(s.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertThat(export().code()).isZero();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSecondRunWhileTheLockIsHeldExitsFourAndSaysWhen() throws Exception {
        try (Publisher.Lock lock = new Publisher(dir.resolve("share/lumi"), AtomicFiles.DIRECT).lock()) {
            Result r = export();

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).isEqualTo("2026-11-02T06:00:00Z tally export: another tally export is running (it holds the lock "
                    + dir.resolve("share/lumi").toAbsolutePath().normalize().resolve(".tally-export.lock")
                    + "); try again when it has finished (exit 4)" + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void verboseLogsEveryPublishedFileInTheSameFormat() throws Exception {
        Result r = export("--verbose");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(8).allMatch(l -> l.startsWith("2026-11-02T06:00:00Z tally export: "));
        assertThat(lines.get(1)).isEqualTo("2026-11-02T06:00:00Z tally export: published "
                + month.toAbsolutePath().normalize().resolve("ai-tech-breakdown-2026-10-ai-tech-cost.png"));
    }

    private String history() throws Exception {
        return Files.readString(dir.resolve("share/lumi/tally-export-history.log"));
    }

    private String latest() throws Exception {
        return Files.readString(dir.resolve("share/lumi/latest"));
    }

    @Test
    void eachRunAppendsItsHistoryLineAndPointsLatestAtItsMonth() throws Exception {
        assertThat(export().code()).isZero();
        assertThat(latest()).isEqualTo("2026/10\n");

        assertThat(export("--month", "2026-09").code()).isZero();

        assertThat(history()).isEqualTo(
                "2026-11-02T06:00:00Z month=2026-10 templates=ai-tech-breakdown files=7 result=published exit=0\n"
                + "2026-11-02T06:00:00Z month=2026-09 templates=ai-tech-breakdown files=7 result=published exit=0\n");
        assertThat(latest()).isEqualTo("2026/09\n");
    }

    @Test
    void aRefusedRunIsRecordedAsFailedAndLatestStillNamesThePreviousMonth() throws Exception {
        export("--month", "2026-09");
        Files.createDirectories(month.resolve("ai-tech-breakdown-2026-10-by-tech.csv"));

        Result r = export();

        assertThat(r.code()).isEqualTo(1);
        assertThat(history()).isEqualTo(
                "2026-11-02T06:00:00Z month=2026-09 templates=ai-tech-breakdown files=7 result=published exit=0\n"
                + "2026-11-02T06:00:00Z month=2026-10 templates=ai-tech-breakdown files=0 result=failed exit=1\n");
        assertThat(latest()).isEqualTo("2026/09\n");
    }

    @Test
    void aRunThatCannotWriteLeavesTheHistoryAsItWas() throws Exception {
        export();

        Result r = export(new AtomicFiles(new FaultPlan(FaultPlan.Action.ENOSPC, 4)));

        assertThat(r.code()).isEqualTo(1);
        // a failure is a log line like the others: the run's UTC time first
        assertThat(r.err()).isEqualTo("2026-11-02T06:00:00Z tally export: I/O error: No space left on device" + System.lineSeparator());
        assertThat(history()).isEqualTo(
                "2026-11-02T06:00:00Z month=2026-10 templates=ai-tech-breakdown files=7 result=published exit=0\n");
        assertThat(latest()).isEqualTo("2026/10\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aRunThatFindsTheLockHeldLeavesNoHistoryLine() throws Exception {
        export();
        try (Publisher.Lock lock = new Publisher(dir.resolve("share/lumi"), AtomicFiles.DIRECT).lock()) {
            assertThat(export().code()).isEqualTo(4);
        }

        assertThat(history()).isEqualTo(
                "2026-11-02T06:00:00Z month=2026-10 templates=ai-tech-breakdown files=7 result=published exit=0\n");
    }

    @Test
    void helpListsTheExitCodeOfAHeldLock() {
        StringWriter out = new StringWriter();

        int code = Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(new StringWriter()), "export", "--help");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).contains(
                "  4   Another tally export holds the lock; this run did nothing (the next timer run will try again).");
    }

    @Test
    void strictExitsZeroWhenTheDataHasNoErrors() throws Exception {
        Result r = export("--strict");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(" 0 errors)");
        assertThat(contents(month)).hasSize(7);
    }

    @Test
    void anUnknownConfigKeyIsAUsageErrorWithItsLine() throws Exception {
        Files.writeString(config, Files.readString(config) + "destinaton: /x\n");

        Result r = export();

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(config + ":6:1: at 'destinaton': unknown key 'destinaton'; allowed here: [allow_insecure_http,");
    }
}
