package dev.tally.cli.report.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.template.TemplateException;
import dev.tally.cli.template.YamlTree;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * An export config's {@code history} mapping (docs/export.md, "Snapshot history"): where each run's snapshot
 * is kept and how many are kept. Absent, no snapshot is kept and reports have no Restated section.
 *
 * @param dir the store's folder; null for {@link #DEFAULT_DIR} under the destination's root
 * @param keep how many snapshots to keep, the newest
 */
public record HistoryConfig(Path dir, int keep) {
    /** The store's folder under the destination's root when {@code dir} is not given. */
    public static final String DEFAULT_DIR = ".tally-history";
    /** How many snapshots are kept when {@code keep} is not given. */
    public static final int DEFAULT_KEEP = 3;
    private static final int MAX_KEEP = 1000;
    private static final Set<String> KEYS = Set.of("dir", "keep");

    public HistoryConfig {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep (" + keep + ") must be between 1 and " + MAX_KEEP);
        }
    }

    /** The store's folder for an export publishing under {@code root}. */
    public Path dirUnder(Path root) {
        return dir != null ? dir : root.resolve(DEFAULT_DIR);
    }

    /** The {@code history} key of {@code tree}, or null when absent; messages name the file and line. */
    static HistoryConfig read(YamlTree tree, String name, Path base) {
        JsonNode h = tree.root().get("history");
        if (h == null || h.isNull()) {
            return null;
        }
        String where = name + ":" + tree.line("history") + ": ";
        if (!h.isObject()) {
            throw new TemplateException(where + "'history' is a mapping, e.g. history: {dir: /var/lib/tally/history, keep: 3}");
        }
        Iterator<String> it = h.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new TemplateException(name + ":" + tree.line("history." + k) + ": unknown key 'history." + k
                        + "'; allowed: [dir, keep]");
            }
        }
        JsonNode dir = h.get("dir");
        if (dir != null && !dir.isNull() && (!dir.isTextual() || dir.asText().isBlank())) {
            throw new TemplateException(name + ":" + tree.line("history.dir") + ": 'history.dir' is a folder path");
        }
        JsonNode keep = h.get("keep");
        int n = DEFAULT_KEEP;
        if (keep != null && !keep.isNull()) {
            if (!keep.isIntegralNumber() || keep.asLong() < 1 || keep.asLong() > MAX_KEEP) {
                throw new TemplateException(name + ":" + tree.line("history.keep") + ": 'history.keep' is a whole number from 1 to "
                        + MAX_KEEP + ", not '" + keep.asText() + "'");
            }
            n = keep.asInt();
        }
        return new HistoryConfig(dir == null || dir.isNull() ? null : base.resolve(dir.asText().strip()), n);
    }
}
