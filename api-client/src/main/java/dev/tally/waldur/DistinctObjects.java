package dev.tally.waldur;

import dev.tally.waldur.http.ListPage;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The UUIDs of a list seen so far, so a page can be passed on without the objects already delivered. Offset paging
 * over an ordering with ties can show an object on two pages and none on another (docs/waldur.md, "Paging that
 * repeats and skips"); with this, a list never reaches its caller with an object twice.
 */
final class DistinctObjects {
    private final Set<String> seen = new HashSet<>();
    private long withoutUuid;
    private long repeated;

    /** {@code page} without the objects delivered before; the page itself when it brings nothing twice. */
    <P extends ListPage<P>> P admit(P page) {
        BitSet keep = null;
        for (int i = 0; i < page.size(); i++) {
            String uuid = page.uuid(i);
            boolean fresh;
            if (uuid == null) {
                withoutUuid++;
                fresh = true;
            } else {
                fresh = seen.add(uuid);
            }
            if (!fresh) {
                repeated++;
                if (keep == null) {
                    keep = new BitSet(page.size());
                    keep.set(0, page.size());
                }
                keep.clear(i);
            }
        }
        return keep == null ? page : page.keep(keep);
    }

    /** How many distinct objects were delivered. */
    long count() {
        return seen.size() + withoutUuid;
    }

    /** How many objects came again after being delivered once (and were left out). */
    long repeated() {
        return repeated;
    }

    /** Whether every object delivered had a UUID, so the set can be checked against the count. */
    boolean allIdentified() {
        return withoutUuid == 0;
    }
}
