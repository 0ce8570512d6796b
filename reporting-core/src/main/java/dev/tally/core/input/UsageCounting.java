package dev.tally.core.input;

import dev.tally.core.input.UsageTable.Counted;
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
        int[] firsts = new int[rows.length];
        int[] counts = new int[rows.length];
        int[] kept = new int[rows.length];
        Map<Integer, BigDecimal> sums = new HashMap<>();
        int keys = 0;
        for (int from = 0; from < rows.length;) {
            int head = rows[from];
            int to = from + 1;
            while (to < rows.length && t.sameKey(rows[to], head)) {
                to++;
            }
            firsts[keys] = head;
            counts[keys] = to - from;
            if (to - from == 1) {
                rows[keys] = head;
                kept[keys] = 1;
            } else {
                List<Integer> records = latestFirst(t, versions(t, rows, from, to));
                int p = Math.max(1, periods.periods(t.resourceId(head), t.epochMonth(head)));
                List<Integer> counting = records.subList(0, Math.min(p, records.size()));
                rows[keys] = counting.get(0);
                kept[keys] = counting.size();
                if (counting.size() > 1) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int k : counting) {
                        sum = sum.add(t.usage(k));
                    }
                    sums.put(keys, sum);
                }
            }
            keys++;
            from = to;
        }
        // rows of one key arrive in ascending order, so a key's first row is where it first appears
        int[] keyAt = new int[t.size()];
        Arrays.fill(keyAt, -1);
        for (int j = 0; j < keys; j++) {
            keyAt[firsts[j]] = j;
        }
        int[] outRows = new int[keys];
        int[] outReports = new int[keys];
        int[] outKept = new int[keys];
        BigDecimal[] outSums = new BigDecimal[keys];
        int n = 0;
        for (int k = 0; k < t.size(); k++) {
            int j = keyAt[k];
            if (j >= 0) {
                outRows[n] = rows[j];
                outReports[n] = counts[j];
                outKept[n] = kept[j];
                outSums[n++] = sums.get(j);
            }
        }
        return new Counted(outRows, outReports, outKept, outSums);
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
