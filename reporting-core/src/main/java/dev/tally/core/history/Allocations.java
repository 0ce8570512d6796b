package dev.tally.core.history;

import dev.tally.core.cost.PriceList;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.LimitSegments;
import dev.tally.core.query.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** One dataset's allocations by resource UUID, with what a comparison reads from each. */
final class Allocations {
    private final Dataset d;
    private final Map<String, Integer> byId;

    Allocations(Dataset d) {
        this.d = d;
        this.byId = new HashMap<>(d.size() * 2);
        for (int i = 0; i < d.size(); i++) {
            byId.putIfAbsent(d.resourceId(i), i);
        }
    }

    Dataset dataset() {
        return d;
    }

    /** The allocation's index, or -1 when this dataset does not have it. */
    int index(String resourceId) {
        Integer i = byId.get(resourceId);
        return i == null ? -1 : i;
    }

    /** {@code name (uuid)}, or the UUID alone: the allocation label queries use (names repeat, UUIDs do not). */
    String label(int i) {
        String name = d.resourceName(i);
        return name == null || name.isBlank() ? d.resourceId(i) : name + " (" + d.resourceId(i) + ")";
    }

    /** Whether the allocation existed on a day of {@code p}; always true without a period. */
    boolean activeIn(int i, Period p) {
        if (p == null) {
            return true;
        }
        return d.firstDay(i) <= p.to().toEpochDay() && d.lastDay(i) >= p.from().toEpochDay();
    }

    /** The limits after the last change, by component type, in the dataset's component order. */
    Map<String, BigDecimal> currentLimits(int i) {
        return d.limitsOn(i, Dataset.NEVER);
    }

    /** Usage by epoch month and component type, for the months before {@code beforeMonth} (an epoch month). */
    Map<Integer, Map<String, BigDecimal>> usagesBefore(int i, int beforeMonth) {
        Map<Integer, Map<String, BigDecimal>> out = new TreeMap<>();
        for (int k = d.usageStart(i); k < d.usageEnd(i); k++) {
            int em = d.usageMonth(k);
            if (em < beforeMonth) {
                out.computeIfAbsent(em, x -> new TreeMap<>()).put(d.componentName(d.usageComponent(k)), d.usageValue(k));
            }
        }
        return out;
    }

    /** The plans the allocation was ever on. */
    Set<PriceList> plans(int i) {
        LimitSegments s = d.segments();
        Set<PriceList> out = new LinkedHashSet<>();
        for (int k = s.first(i); k < s.end(i); k++) {
            out.add(d.plan(s.plan(k)));
        }
        return out;
    }

    /**
     * Whether allocation {@code i} here and {@code j} in {@code other} have the same lifetime, limit and
     * plan history and the same usage: if so, no figure of theirs can differ.
     */
    boolean sameHistory(int i, Allocations other, int j) {
        Dataset e = other.d;
        if (d.firstDay(i) != e.firstDay(j) || d.lastDay(i) != e.lastDay(j)) {
            return false;
        }
        LimitSegments s = d.segments();
        LimitSegments t = e.segments();
        if (s.end(i) - s.first(i) != t.end(j) - t.first(j)) {
            return false;
        }
        for (int k = s.first(i), m = t.first(j); k < s.end(i); k++, m++) {
            if (s.from(k) != t.from(m) || !d.plan(s.plan(k)).equals(e.plan(t.plan(m)))
                    || !sameLimits(segmentLimits(d, k), segmentLimits(e, m))) {
                return false;
            }
        }
        return sameUsages(usagesBefore(i, Integer.MAX_VALUE), other.usagesBefore(j, Integer.MAX_VALUE));
    }

    private static Map<String, BigDecimal> segmentLimits(Dataset d, int k) {
        LimitSegments s = d.segments();
        Map<String, BigDecimal> out = new TreeMap<>();
        for (int l = s.limitStart(k); l < s.limitEnd(k); l++) {
            out.put(d.componentName(s.component(l)), s.value(l));
        }
        return out;
    }

    private static boolean sameUsages(Map<Integer, Map<String, BigDecimal>> a, Map<Integer, Map<String, BigDecimal>> b) {
        return sameEntries(a, b, Allocations::sameLimits);
    }

    /** Equal keys and numerically equal values ({@code 1.0} equals {@code 1.00}). */
    static boolean sameLimits(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        return sameEntries(a, b, Allocations::sameValue);
    }

    private static <K, V> boolean sameEntries(Map<K, V> a, Map<K, V> b, java.util.function.BiPredicate<V, V> same) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var e : a.entrySet()) {
            if (!same.test(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Numerically equal, or both null. */
    static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }

    /** A decimal as people and diffs read it: plain, exact. */
    static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
