package dev.tally.cli.command;

import dev.tally.cli.option.CacheOption;
import dev.tally.cli.option.OutputOptions;
import dev.tally.cli.option.PeriodOptions;
import dev.tally.cli.render.CsvRenderer;
import dev.tally.cli.render.DiffText;
import dev.tally.cli.render.JsonRenderer;
import dev.tally.cli.render.OutputFormat;
import dev.tally.cli.render.TableRenderer;
import dev.tally.cli.render.XlsxRenderer;
import dev.tally.cli.report.ReportInput;
import dev.tally.core.history.SnapshotDiff;
import dev.tally.core.query.Period;
import dev.tally.waldur.snapshot.SnapshotException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally diff}: what changed between two snapshots, grouped by kind and counted. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        header = "List what changed between two snapshots: allocations, limits, late usage, order costs, prices, projects.",
        description = {
            "Compare an older and a newer snapshot and list what changed, grouped by kind and counted: allocations added",
            "and terminated, limits changed (old -> new per component), usage reported late or corrected for months that",
            "were closed when the older snapshot was taken, order costs changed, prices changed (plan, component), and",
            "projects renamed or moved to another customer. Values are exact. Two equal snapshots give 'No changes'.",
            "A period option limits the list to changes that touch it (prices and projects have no date and always count).",
            "Definitions: docs/definitions.md, \"Changes between snapshots\"."},
        footer = {"", "Example (two monthly harvests):",
            "  ./tally diff --old snapshots/2026-10 --new snapshots/2026-11",
            "  ./tally diff --old snapshots/2026-10 --new snapshots/2026-11 --month 2026-09 --format csv --out changes.csv"})
public final class DiffCommand extends TallySubcommand implements Callable<Integer> {
    @Option(names = "--old", required = true, paramLabel = "DIR", description = "The older snapshot (written by tally harvest).")
    Path oldDir;

    @Option(names = "--new", required = true, paramLabel = "DIR", description = "The newer snapshot.")
    Path newDir;

    @Mixin
    PeriodOptions period;

    @Mixin
    CacheOption cache;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", converter = OutputOptions.Formats.class,
            completionCandidates = OutputOptions.Formats.class,
            description = "table (text for people: counts, then the changes), csv, json or xlsx (xlsx needs --out). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.XLSX && out == null) {
            throw new ParameterException(spec.commandLine(), "--format xlsx needs --out FILE");
        }
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), top.quiet());
        progress.step("reading snapshot " + oldDir);
        ReportInput older = load("--old", oldDir);
        progress.step("reading snapshot " + newDir);
        ReportInput newer = load("--new", newDir);
        progress.done();
        Period scope = period.given() ? period.resolve(newer.lastFullMonth()) : null;
        SnapshotDiff diff = SnapshotDiff.between(older.dataset(), newer.dataset(), scope);
        TableRenderer renderer = switch (format) {
            case CSV -> new CsvRenderer(false);
            case JSON -> new JsonRenderer(about(diff));
            case XLSX -> XlsxRenderer.oneSheet(new XlsxRenderer.DocumentProperties("Tally diff", diff.oldAsOf() + " to "
                    + diff.newAsOf(), String.join("\n", diff.table().notes()), "tally diff", Map.of("Old snapshot",
                    oldDir.toAbsolutePath().normalize().toString(), "New snapshot", newDir.toAbsolutePath().normalize().toString()),
                    newer.snapshot().manifest().startedAt()));
            default -> (t, o) -> new DiffText(oldDir.toString(), newDir.toString()).render(diff, o);
        };
        if (out != null) {
            top.files().write(out, o -> renderer.render(diff.table(), o));
            if (!top.quiet()) {
                spec.commandLine().getOut().println("wrote " + out.toAbsolutePath().normalize() + " (" + diff.changes().size()
                        + " change(s))");
            }
            return 0;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        renderer.render(diff.table(), buffer);
        spec.commandLine().getOut().print(buffer.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A snapshot, or a usage error naming the option when it is missing or damaged. */
    private ReportInput load(String option, Path dir) {
        try {
            return ReportInput.load(dir, cache.cache(top.files()));
        } catch (SnapshotException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** What was compared and the count per kind, for JSON. */
    private Map<String, Object> about(SnapshotDiff diff) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("old_snapshot", oldDir.toString());
        m.put("old_as_of", diff.oldAsOf().toString());
        m.put("new_snapshot", newDir.toString());
        m.put("new_as_of", diff.newAsOf().toString());
        m.put("period", diff.period() == null ? "all" : diff.period().label());
        Map<String, Integer> counts = new LinkedHashMap<>();
        diff.counts().forEach((k, n) -> counts.put(k.key(), n));
        m.put("counts", counts);
        return m;
    }
}
