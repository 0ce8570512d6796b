package dev.tally.cli.report;

import dev.tally.cli.ToolVersion;
import dev.tally.cli.render.Wording;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance fields a report carries, in words a person reads: where the data came from (the
 * source API), when (harvest times to the minute, UTC), and with which Tally version. No repository
 * or local file path appears: a workbook travels to people who cannot open them (docs/reports.md,
 * "Provenance").
 */
public final class Provenance {
    /** Where the definitions the figures follow are written down. */
    public static final String DEFINITIONS = "the Definitions chapter of Tally's documentation";

    private Provenance() {
    }

    /** Ordered field → value pairs for the provenance sheet. */
    public static Map<String, String> of(Snapshot snapshot, String template, String period) {
        Manifest m = snapshot.manifest();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Report", "Tally " + template + " report");
        p.put("Template", template);
        p.put("Period", period);
        // an older snapshot may hold user:password@ in its URL; it never reaches a report
        p.put("Source API", "Waldur marketplace API at "
                + (m.apiUrl() == null ? "an unknown address" : WaldurClientConfig.withoutCredentials(m.apiUrl())));
        p.put("Harvest started", m.startedAt() == null ? "unknown" : Wording.asOf(m.startedAt()));
        p.put("Harvest finished", m.finishedAt() == null ? "unknown" : Wording.asOf(m.finishedAt()));
        p.put("Harvested by", "Tally " + m.toolVersion());
        m.collections().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                p.put("Snapshot " + e.getKey(), e.getValue().count() + " objects, sha256 " + e.getValue().sha256()));
        p.put("Report made by", "Tally " + ToolVersion.get());
        p.put("Definitions", DEFINITIONS);
        return p;
    }
}
