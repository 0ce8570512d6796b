package dev.tally.cli.report;

import dev.tally.cli.ToolVersion;
import dev.tally.cli.render.Wording;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        if (!m.offeringsByUuid().isEmpty()) {
            p.put("Offerings fetched by UUID", offeringsByUuid(snapshot, m.offeringsByUuid()));
        }
        p.put("Report made by", "Tally " + ToolVersion.get());
        p.put("Definitions", DEFINITIONS);
        return p;
    }

    /**
     * Where the offerings the public list lacked came from (docs/waldur.md, "Offerings the public list omits"): named
     * as the snapshot stores them, in the manifest's order; every other offering is from the public list.
     */
    private static String offeringsByUuid(Snapshot snapshot, List<String> uuids) {
        Map<String, String> names = new HashMap<>();
        snapshot.forEach(WaldurCollection.OFFERINGS, Offering.class, o -> {
            if (o.uuid() != null) {
                names.put(o.uuid().replace("-", ""), o.name());
            }
        });
        List<String> named = new ArrayList<>();
        for (String uuid : uuids) {
            String name = names.get(uuid);
            named.add(name == null ? uuid : "'" + name + "' (" + uuid + ")");
        }
        return String.join(", ", named) + ": not in marketplace-public-offerings (Archived or not public), read from"
                + " marketplace-provider-offerings; every other offering is from the public list";
    }
}
