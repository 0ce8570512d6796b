package dev.tally.cli.report.publish;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.cli.template.YamlTree;
import java.nio.file.Path;

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
    static final int MAX_KEEP = 1000;

    public HistoryConfig {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("keep (" + keep + ") must be between 1 and " + MAX_KEEP);
        }
    }

    /** The store's folder for an export publishing under {@code root}. */
    public Path dirUnder(Path root) {
        return dir != null ? dir : root.resolve(DEFAULT_DIR);
    }

    /**
     * The {@code history} key of {@code tree}, or null when absent. The export config's schema has checked its keys
     * and types (YamlSchema); what is left is a folder that is blank.
     */
    static HistoryConfig read(YamlTree tree, Path base) {
        JsonNode h = tree.root().get("history");
        if (h == null || h.isNull()) {
            return null;
        }
        JsonNode dir = h.get("dir");
        if (dir != null && dir.asText().isBlank()) {
            throw tree.error("history.dir", "'history.dir' is a folder path");
        }
        JsonNode keep = h.get("keep");
        return new HistoryConfig(dir == null ? null : base.resolve(dir.asText().strip()), keep == null ? DEFAULT_KEEP : keep.asInt());
    }
}
