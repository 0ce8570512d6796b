package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.waldur.BadRequestException;
import dev.tally.waldur.ListListener;
import dev.tally.waldur.NotFoundException;
import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lists of one incremental harvest (docs/harvest.md, "Incremental harvest"), merged with a verified base
 * snapshot into the lines a full harvest of the same server state would store. Customers and offerings are fetched
 * whole by {@link Harvester}; this class does orders, resources, projects and component usages.
 */
final class IncrementalHarvest {
    private static final String[] USAGE_FIELDS = {"billing_period", "resource_uuid", "uuid"};
    private static final String[] UUID = {"uuid"};

    private final WaldurClient client;
    private final Snapshot base;
    private final Instant since;
    private final List<YearMonth> usageMonths;
    private final LocalJoins joins;
    private final Set<String> resources = new HashSet<>();
    private final Map<String, Manifest.Fetched> fetched = new LinkedHashMap<>();
    private final boolean harvestsResources;

    IncrementalHarvest(WaldurClient client, Snapshot base, IncrementalOptions options, Instant now,
            boolean harvestsResources) {
        this.client = client;
        this.harvestsResources = harvestsResources;
        this.base = base;
        this.joins = new LocalJoins(base);
        this.since = base.manifest().startedAt().minus(options.overlap());
        YearMonth baseMonth = YearMonth.from(base.manifest().startedAt().atZone(ZoneOffset.UTC));
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = baseMonth.minusMonths(options.usageMonths()); !m.isAfter(current); m = m.plusMonths(1)) {
            months.add(m);
        }
        this.usageMonths = List.copyOf(months);
    }

    /**
     * Whether this class merges {@code c}: projects, orders, resources and usages that the base holds (a base
     * harvested without one gives nothing to merge with, so it is fetched whole); usages only with resources
     * harvested too, which decide which base usages still belong. Any other collection is fetched whole.
     */
    boolean merges(WaldurCollection c) {
        if (!base.has(c)) {
            return false;
        }
        return switch (c) {
            case PROJECTS, ORDERS, RESOURCES -> true;
            case COMPONENT_USAGES -> harvestsResources;
            default -> false;
        };
    }

    /** Merges {@code c} into {@code out}. */
    void merge(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        if (c == WaldurCollection.COMPONENT_USAGES) {
            mergeUsages(out, listener);
        } else {
            mergeModified(c, out, listener);
        }
    }

    /** What the manifest records about this run. */
    Manifest.Incremental summary() {
        return new Manifest.Incremental(base.dir().toAbsolutePath().normalize().toString(), base.manifest().startedAt(),
                since, usageMonths.stream().map(YearMonth::toString).toList(), fetched);
    }

    /** Notes a fetched-whole collection for the manifest. */
    void fetchedWhole(WaldurCollection c, long count) {
        fetched.put(c.id(), new Manifest.Fetched("whole", count, 0, 0, 0));
    }

    /**
     * Notes a line of the new snapshot as it is stored: other collections join names from it, and component usages
     * keep only base rows whose resource is still there.
     */
    void stored(WaldurCollection c, String uuid, byte[] line) {
        joins.record(c, uuid, line);
        if (c == WaldurCollection.RESOURCES && uuid != null) {
            resources.add(LineKey.normalised(uuid));
        }
    }

    /**
     * Orders, resources and projects: those modified since {@link #since}, the UUIDs of all of them, and the rest
     * from the base snapshot. Base objects whose UUID the server no longer lists are dropped (deleted); listed ones
     * that neither the modified list nor the base holds are fetched by UUID. Projects fall back to a whole fetch
     * where the server has no {@code modified} filter (a 400).
     */
    void mergeModified(WaldurCollection c, SortedLines out, ListListener listener) throws IOException {
        Map<String, byte[]> changed = new HashMap<>();
        Map<String, String> changedUuid = new HashMap<>();
        try {
            list(c, Query.of("modified", modifiedBound(c)), listener, (uuid, line) -> {
                String key = LineKey.normalised(uuid);
                changed.put(key, line);
                changedUuid.put(key, uuid);
            });
        } catch (BadRequestException e) {
            if (c != WaldurCollection.PROJECTS) {
                throw e;
            }
            long[] count = {0};
            list(c, Query.NONE, listener, (uuid, line) -> {
                out.add(uuid, line);
                count[0]++;
            });
            fetched.put(c.id(), new Manifest.Fetched("whole", count[0], 0, 0, 0));
            return;
        }
        Set<String> listed = new HashSet<>();
        Map<String, String> listedUuid = new HashMap<>();
        list(c, Query.of("field", "uuid"), ListListener.NONE, (uuid, line) -> {
            listed.add(LineKey.normalised(uuid));
            listedUuid.put(LineKey.normalised(uuid), uuid);
        });
        Set<String> present = new HashSet<>();
        long[] kept = {0};
        long[] dropped = {0};
        base.forEachLine(c, line -> {
            String uuid = TopLevelFields.read(line, 0, line.length, UUID)[0];
            String key = uuid == null ? null : LineKey.normalised(uuid);
            if (key == null || !listed.contains(key)) {
                dropped[0]++;
            } else if (!changed.containsKey(key)) {
                out.add(uuid, joins.apply(c, line));
                present.add(key);
                kept[0]++;
            }
        });
        for (Map.Entry<String, byte[]> e : changed.entrySet()) {
            if (listed.contains(e.getKey())) {
                out.add(changedUuid.get(e.getKey()), e.getValue());
                present.add(e.getKey());
            }
        }
        long byUuid = 0;
        for (String key : listed) {
            if (!present.contains(key) && fetchOne(c, listedUuid.get(key), out)) {
                byUuid++;
            }
        }
        fetched.put(c.id(), new Manifest.Fetched("modified", changed.size(), byUuid, kept[0], dropped[0]));
    }

    /**
     * Component usages: every usage of the billing months from {@link #usageMonths}, and the older months from the
     * base snapshot, without those of resources that are gone (an unlinked resource takes its usages with it).
     */
    void mergeUsages(SortedLines out, ListListener listener) throws IOException {
        WaldurCollection c = WaldurCollection.COMPONENT_USAGES;
        String first = usageMonths.isEmpty() ? null : usageMonths.get(0).atDay(1).toString();
        long[] kept = {0};
        long[] dropped = {0};
        base.forEachLine(c, line -> {
            String[] f = TopLevelFields.read(line, 0, line.length, USAGE_FIELDS);
            String period = f[0];
            String resource = f[1];
            if (first != null && period != null && period.compareTo(first) >= 0) {
                return;
            }
            if (resource != null && !resources.contains(LineKey.normalised(resource))) {
                dropped[0]++;
                return;
            }
            out.add(f[2], joins.apply(c, line));
            kept[0]++;
        });
        long received = 0;
        for (YearMonth month : usageMonths) {
            long[] count = {0};
            list(c, Query.of("billing_period", month.atDay(1).toString()), listener, (uuid, line) -> {
                out.add(uuid, line);
                count[0]++;
            });
            received += count[0];
        }
        fetched.put(c.id(), new Manifest.Fetched("billing_period", received, 0, kept[0], dropped[0]));
    }

    /**
     * The {@code modified} bound as each list takes it (docs/waldur.md, "Incremental filters"): resources' filter is
     * date-only in some Waldur versions and date-time in others, and a date is accepted by both, so resources get
     * the day (which only widens the overlap); orders and projects get the instant.
     */
    private String modifiedBound(WaldurCollection c) {
        if (c == WaldurCollection.RESOURCES) {
            return since.atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return since.toString();
    }

    /** Receives one object of a list. */
    @FunctionalInterface
    private interface LineConsumer {
        void accept(String uuid, byte[] line) throws IOException;
    }

    private void list(WaldurCollection c, Query query, ListListener listener, LineConsumer sink) throws IOException {
        try {
            client.forEachPageLines(c.path(), query, listener, page -> {
                int start = 0;
                int index = 0;
                byte[] bytes = page.lines();
                for (int i = 0; i < page.length(); i++) {
                    if (bytes[i] == '\n') {
                        try {
                            sink.accept(page.uuid(index++), Arrays.copyOfRange(bytes, start, i + 1));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        start = i + 1;
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Fetches one object the list names but neither the base nor the modified list held; false if it is gone. */
    private boolean fetchOne(WaldurCollection c, String uuid, SortedLines out) throws IOException {
        JsonNode object;
        try {
            object = client.getRaw(c.path(), uuid);
        } catch (NotFoundException e) {
            return false;
        }
        byte[] json = client.mapper().writeValueAsBytes(object);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        out.add(uuid, line);
        return true;
    }
}
