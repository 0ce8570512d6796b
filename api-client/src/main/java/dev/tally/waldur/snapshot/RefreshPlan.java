package dev.tally.waldur.snapshot;

import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurCollection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one incremental harvest fetches (docs/harvest.md, "Incremental harvest"): which collections it merges with
 * the base and which it fetches whole, the {@code modified} bound T, the billing months from M on, and the UUID
 * lists that decide membership. It fetches nothing itself.
 */
final class RefreshPlan {
    private final Snapshot base;
    private final Instant since;
    private final List<YearMonth> usageMonths;
    private final boolean harvestsResources;

    RefreshPlan(Snapshot base, IncrementalOptions options, Instant now, boolean harvestsResources) {
        this.harvestsResources = harvestsResources;
        this.base = base;
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
     * Whether {@code c} is merged: projects, orders, resources and usages that the base holds (a base harvested
     * without one gives nothing to merge with, so it is fetched whole); usages only with resources harvested too,
     * which decide which base usages still belong. Any other collection is fetched whole.
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

    /** The list of the objects of {@code c} modified since T. */
    Query modified(WaldurCollection c) {
        return Query.of("modified", modifiedBound(c));
    }

    /** The list of every UUID of a collection: membership, and so deletions. */
    Query uuids() {
        return Query.of("field", "uuid");
    }

    /** The billing months whose usages are fetched whole, oldest first. */
    List<YearMonth> usageMonths() {
        return usageMonths;
    }

    /** The list of the usages of {@code month}. */
    Query usages(YearMonth month) {
        return Query.of("billing_period", month.atDay(1).toString());
    }

    /**
     * The first fetched billing period as usages carry it ({@code YYYY-MM-01}): base usages from it on are fetched
     * again, older ones kept; null where no month is fetched.
     */
    String firstUsagePeriod() {
        return usageMonths.isEmpty() ? null : usageMonths.get(0).atDay(1).toString();
    }

    /** What the manifest records about this run, with what was {@code fetched} per collection. */
    Manifest.Incremental summary(Map<String, Manifest.Fetched> fetched) {
        return new Manifest.Incremental(base.dir().toAbsolutePath().normalize().toString(), base.manifest().startedAt(),
                since, usageMonths.stream().map(YearMonth::toString).toList(), fetched);
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
}
