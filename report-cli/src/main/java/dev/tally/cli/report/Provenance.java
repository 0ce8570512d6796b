package dev.tally.cli.report;

import dev.tally.cli.ToolVersion;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provenance fields a report carries: where the data came from, when, and how it was computed. */
public final class Provenance {
    public static final String DEFINITIONS_LINK = "docs/definitions.md";

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
        p.put("API URL", m.apiUrl() == null ? "unknown" : WaldurClientConfig.withoutCredentials(m.apiUrl()));
        p.put("Harvest started", String.valueOf(m.startedAt()));
        p.put("Harvest finished", String.valueOf(m.finishedAt()));
        p.put("Harvested by", "tally " + m.toolVersion());
        m.collections().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                p.put("Snapshot " + e.getKey(), e.getValue().count() + " objects, sha256 " + e.getValue().sha256()));
        p.put("Tool version", ToolVersion.get());
        p.put("Definitions", DEFINITIONS_LINK);
        return p;
    }
}
