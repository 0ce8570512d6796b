package dev.tally.waldur.snapshot;

import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.http.StableOrdering;

/**
 * The order of objects in each snapshot data file (docs/harvest.md, "Canonical order"): the fields of the
 * ordering a harvest asks Waldur for ({@link StableOrdering}), then the UUID. On a tidy server that is the order the
 * pages arrive in, so the sort mostly confirms it; with ties, parallel pages or an incremental merge it makes the
 * bytes the same.
 */
final class CanonicalOrder {
    private CanonicalOrder() {
    }

    static String[] fields(WaldurCollection c) {
        return StableOrdering.forList(c.path()).map(o -> o.split(",")).orElse(new String[0]);
    }
}
