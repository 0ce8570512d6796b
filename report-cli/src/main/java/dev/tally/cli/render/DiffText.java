package dev.tally.cli.render;

import dev.tally.core.history.Change;
import dev.tally.core.history.ChangeKind;
import dev.tally.core.history.SnapshotDiff;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A snapshot diff for people (docs/reports.md, "tally diff"): one line saying what was compared, a
 * count per kind of change, then each kind's changes, one line each with the exact old and new values.
 * Names come from data, so they are made inert ({@link InertText}).
 */
public final class DiffText {
    private final String oldName;
    private final String newName;

    /** A renderer naming the two snapshots as {@code oldName} and {@code newName} (their folders, say). */
    public DiffText(String oldName, String newName) {
        this.oldName = oldName;
        this.newName = newName;
    }

    /** Writes {@code diff} to {@code out} (UTF-8) and flushes; does not close it. */
    public void render(SnapshotDiff diff, OutputStream out) throws IOException {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String scope = diff.period() == null ? "" : ", limited to " + diff.period().label();
        if (diff.isEmpty()) {
            w.println("No changes from " + what(oldName, diff.oldAsOf().toString()) + " to "
                    + what(newName, diff.newAsOf().toString()) + scope + ".");
            w.flush();
            return;
        }
        w.println(diff.changes().size() + " change(s) from " + what(oldName, diff.oldAsOf().toString()) + " to "
                + what(newName, diff.newAsOf().toString()) + scope + "; closed months are those before "
                + diff.firstOpenMonth() + ".");
        Map<ChangeKind, Integer> counts = diff.counts();
        int width = counts.values().stream().mapToInt(n -> Integer.toString(n).length()).max().orElse(1);
        counts.forEach((k, n) -> w.println(String.format("  %" + width + "d  %s", n, k.title())));
        for (ChangeKind k : ChangeKind.values()) {
            List<Change> changes = diff.of(k);
            if (changes.isEmpty()) {
                continue;
            }
            w.println();
            w.println(k.title() + " (" + changes.size() + "):");
            changes.forEach(c -> w.println("  " + InertText.escape(line(c))));
        }
        w.flush();
    }

    private static String what(String name, String asOf) {
        return "the snapshot of " + asOf + (name == null ? "" : " (" + name + ")");
    }

    /** One change: "2026-09  LUMI-X (uuid): gpu_k_hours 1.5 → 1.8". */
    static String line(Change c) {
        String month = c.month() == null ? "" : c.month() + "  ";
        return switch (c.kind()) {
            case ALLOCATION_ADDED -> c.subject();
            case ALLOCATION_TERMINATED -> c.subject() + ": " + c.item() + " " + c.oldToNew();
            case PROJECT_RENAMED -> c.subject() + ": " + c.oldToNew();
            default -> month + c.subject() + ": " + c.item() + " " + c.oldToNew();
        };
    }
}
