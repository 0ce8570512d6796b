package dev.tally.core.input;

import dev.tally.core.input.UsageTable.Counted;
import dev.tally.core.input.UsageTable.Counted.Several;
import dev.tally.core.input.UsageTable.PlanPeriodCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which usage reports count (docs/definitions.md, "Usage and utilisation"): the one place the rule is applied.
 * {@link UsageTable} only stores the reports; this class reads them through its row accessors and decides.
 */
final class UsageCounting {
    private UsageCounting() {
    }

    /**
     * The usage that counts, one figure per resource, component and month, in the order each of those keys first
     * appears in {@code t}:
     * <ol>
     *   <li>a record read more than once (the same UUID) counts once, in its latest version;</li>
     *   <li>Waldur keeps one record per resource, component, <em>plan period</em> and month, so when the resource had
     *       {@code p} plan periods in the month ({@code periods}), its records there, up to {@code p} of them, are
     *       added up;</li>
     *   <li>more records than plan periods are copies (a recurring usage carried into the month for a period that had
     *       ended, or reports without a UUID): the {@code p} latest count.</li>
     * </ol>
     * "Latest" is by report time, where a report without a time loses to any with one and of two at the same time the
     * one added later wins.
     */
    static Counted counted(UsageTable t, PlanPeriodCount periods) {
        int[] rows = t.rowsByKey();
        // rows of one key arrive in ascending order, so a key's first row is where it first appears: keyAt[first row]
        // is the key, or -(key + 2) for a key of several rows, -1 elsewhere
        int[] keyAt = new int[t.size()];
        Arrays.fill(keyAt, -1);
        Map<Integer, Several> several = new HashMap<>();
        int keys = 0;
        for (int from = 0; from < rows.length;) {
            int head = rows[from];
            int to = from + 1;
            while (to < rows.length && t.sameKey(rows[to], head)) {
                to++;
            }
            if (to - from == 1) {
                rows[keys] = head;
                keyAt[head] = keys;
            } else {
                List<Integer> records = latestFirst(t, versions(t, rows, from, to));
                int p = Math.max(1, periods.periods(t.resourceId(head), t.epochMonth(head)));
                List<Integer> counting = records.subList(0, Math.min(p, records.size()));
                rows[keys] = counting.get(0);
                keyAt[head] = -(keys + 2);
                several.put(keys, new Several(to - from, counting.size(), sum(t, counting)));
            }
            keys++;
            from = to;
        }
        // the keys in the order of their first rows; at two million reports each array here is 8 MB, so none is kept
        // longer than it is needed
        int[] order = new int[keys];
        Map<Integer, Several> severalInOrder = new HashMap<>();
        int n = 0;
        for (int j : keyAt) {
            if (j < -1) {
                severalInOrder.put(n, several.get(-j - 2));
                order[n++] = -j - 2;
            } else if (j >= 0) {
                order[n++] = j;
            }
        }
        keyAt = null;
        int[] outRows = new int[keys];
        for (n = 0; n < keys; n++) {
            outRows[n] = rows[order[n]];
        }
        return new Counted(outRows, severalInOrder);
    }

    /** The sum of the usages of {@code counting}, or null when there is only one. */
    private static BigDecimal sum(UsageTable t, List<Integer> counting) {
        if (counting.size() == 1) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int k : counting) {
            sum = sum.add(t.usage(k));
        }
        return sum;
    }

    /** Of the rows {@code rows[from … to-1]} (in the order added), one per UUID: its latest version; rows without one all stay. */
    private static List<Integer> versions(UsageTable t, int[] rows, int from, int to) {
        List<Integer> out = new ArrayList<>(to - from);
        for (int j = from; j < to; j++) {
            int k = rows[j];
            if (!t.hasId(k)) {
                out.add(k);
                continue;
            }
            Integer seen = null;
            for (int i = 0; i < out.size(); i++) {
                if (t.sameId(out.get(i), k)) {
                    seen = i;
                    break;
                }
            }
            if (seen == null) {
                out.add(k);
            } else if (!t.reportedBefore(k, out.get(seen))) {
                out.set(seen, k);
            }
        }
        return out;
    }

    /** The rows sorted latest report first; of two at the same time (or both without one), the later added first. */
    private static List<Integer> latestFirst(UsageTable t, List<Integer> records) {
        List<Integer> sorted = new ArrayList<>(records);
        sorted.sort((a, b) -> t.reportedBefore(a, b) ? 1 : t.reportedBefore(b, a) ? -1 : Integer.compare(b, a));
        return sorted;
    }
}
