package dev.tally.core.ledger;

import dev.tally.core.country.ShareKind;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.LimitSegments;
import dev.tally.core.ledger.GrantChange.Cause;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Builds the {@link Ledger} of a dataset (docs/definitions.md, "Limits ledger"): per allocation, its
 * dated limit changes from the limit segments (each the completion day of a Create or Update order),
 * the day-weighted allowance and the usage to date, burn rates over the last 30 and 90 days and the
 * projected exhaustion; per share, the same summed.
 */
public final class LedgerBuilder {
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);
    private static final BigDecimal NINETY = BigDecimal.valueOf(90);

    private final Dataset d;
    private final Instant asOf;
    private final int lastEpoch;
    private final int lastMonth;
    private final Map<String, LocalDate> endDates;
    private final List<String> components;

    /**
     * @param asOf the snapshot's time: days that began before it are counted
     * @param endDates resource UUID → the end date Waldur has scheduled (absent when none)
     */
    public LedgerBuilder(Dataset d, Instant asOf, Map<String, LocalDate> endDates) {
        this.d = Objects.requireNonNull(d, "dataset");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.endDates = Map.copyOf(endDates);
        this.lastEpoch = (int) LocalDate.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC).toEpochDay();
        this.lastMonth = Dataset.epochMonthOfDay(lastEpoch);
        this.components = d.components();
    }

    /** The ledger of the allocations {@code selected} keeps (by dataset index). */
    public Ledger build(IntPredicate selected) {
        List<AllocationLedger> allocations = new ArrayList<>();
        Map<Integer, List<Computed>> byShare = new TreeMap<>(Comparator
                .comparing((Integer s) -> d.shareKind(s)).thenComparing(s -> d.shares().label(s)));
        List<Computed> all = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.firstDay(i) == Dataset.NEVER || d.firstDay(i) > lastEpoch || !selected.test(i)) {
                continue;
            }
            Computed c = allocation(i);
            allocations.add(c.ledger);
            byShare.computeIfAbsent(d.share(i), k -> new ArrayList<>()).add(c);
            all.add(c);
        }
        List<ShareLedger> shares = new ArrayList<>();
        byShare.forEach((code, list) -> shares.add(share(d.shares().label(code), d.shareKind(code), list)));
        ShareLedger total = share("Total", null, all);
        return new Ledger(asOf, LocalDate.ofEpochDay(lastEpoch), usedComponents(allocations), allocations, shares, total);
    }

    private List<String> usedComponents(List<AllocationLedger> allocations) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        allocations.forEach(a -> a.balances().forEach(b -> seen.add(b.component())));
        return components.stream().filter(seen::contains).toList();
    }

    /** An allocation's ledger, with its per-month allowance and usage kept for the share's points. */
    private record Computed(AllocationLedger ledger, int firstMonth, Map<String, BigDecimal[]> grantedByMonth,
            Map<String, BigDecimal[]> usedByMonth) {
    }

    private Computed allocation(int i) {
        int first = d.firstDay(i);
        int last = d.lastDay(i);
        boolean running = last == Dataset.OPEN || last > lastEpoch;
        int until = running ? lastEpoch : last;
        List<int[]> segs = effectiveSegments(i, first, until);
        LimitSegments s = d.segments();
        int firstMonth = Dataset.epochMonthOfDay(first);
        int months = Dataset.epochMonthOfDay(until) - firstMonth + 1;

        Map<String, BigDecimal[]> granted = new LinkedHashMap<>();
        Map<String, BigDecimal[]> used = new LinkedHashMap<>();
        Map<String, BigDecimal[]> window = new LinkedHashMap<>();
        for (int[] seg : segs) {
            for (int l = s.limitStart(seg[0]); l < s.limitEnd(seg[0]); l++) {
                BigDecimal[] g = granted.computeIfAbsent(d.componentName(s.component(l)), k -> zeros(months));
                for (int m = 0; m < months; m++) {
                    int lo = Math.max(Math.max(first, monthStart(firstMonth + m)), seg[1]);
                    int hi = Math.min(Math.min(until, monthEnd(firstMonth + m)), seg[2]);
                    if (lo <= hi) {
                        g[m] = g[m].add(s.value(l).multiply(BigDecimal.valueOf(hi - lo + 1)));
                    }
                }
            }
        }
        granted.values().forEach(g -> {
            for (int m = 0; m < months; m++) {
                g[m] = g[m].divide(BigDecimal.valueOf(Dataset.month(firstMonth + m).lengthOfMonth()), MathContext.DECIMAL128);
            }
        });
        for (int k = d.usageStart(i); k < d.usageEnd(i); k++) {
            int m = d.usageMonth(k) - firstMonth;
            if (m < 0 || m >= months) {
                continue; // the allocation did not exist that month, or it is after the as-of date
            }
            String comp = d.componentName(d.usageComponent(k));
            BigDecimal u = d.usageValue(k);
            used.computeIfAbsent(comp, x -> zeros(months))[m] = used.get(comp)[m].add(u);
            int lo = Math.max(first, monthStart(firstMonth + m));
            int hi = Math.min(until, monthEnd(firstMonth + m));
            BigDecimal[] w = window.computeIfAbsent(comp, x -> zeros(2));
            w[0] = w[0].add(spread(u, lo, hi, 30));
            w[1] = w[1].add(spread(u, lo, hi, 90));
        }
        LocalDate endDate = endDates.get(d.resourceId(i));
        Map<String, BigDecimal> now = running ? limits(segs.get(segs.size() - 1)[0]) : Map.of();
        List<Balance> balances = new ArrayList<>();
        for (String comp : components) {
            if (!granted.containsKey(comp) && !used.containsKey(comp)) {
                continue;
            }
            BigDecimal g = sum(granted.get(comp));
            BigDecimal u = sum(used.get(comp));
            BigDecimal limit = now.getOrDefault(comp, BigDecimal.ZERO);
            BigDecimal[] w = window.getOrDefault(comp, zeros(2));
            BigDecimal b30 = w[0].divide(THIRTY, MathContext.DECIMAL128);
            BigDecimal b90 = w[1].divide(NINETY, MathContext.DECIMAL128);
            BigDecimal available = running ? g.subtract(u) : BigDecimal.ZERO;
            balances.add(new Balance(comp, limit, g, u, available, b30, b90,
                    running ? Projection.of(available, limit, b30, LocalDate.ofEpochDay(lastEpoch), endDate) : Exhaustion.HAS_ENDED,
                    running ? Projection.of(available, limit, b90, LocalDate.ofEpochDay(lastEpoch), endDate) : Exhaustion.HAS_ENDED));
        }
        String name = d.resourceName(i);
        String label = name == null || name.isBlank() ? d.resourceId(i) : name + " (" + d.resourceId(i) + ")";
        AllocationLedger ledger = new AllocationLedger(i, d.resourceId(i), label, d.shares().label(d.share(i)),
                LocalDate.ofEpochDay(first), running ? null : LocalDate.ofEpochDay(last), endDate,
                history(segs, running ? -1 : last + 1), balances);
        return new Computed(ledger, firstMonth, granted, used);
    }

    /**
     * {@code u} spread evenly over the days {@code lo … hi} (the allocation's days in its month, up to the
     * last counted day), and the part of it that falls in the last {@code days} days.
     */
    private BigDecimal spread(BigDecimal u, int lo, int hi, int days) {
        int from = Math.max(lo, lastEpoch - days + 1);
        if (from > hi) {
            return BigDecimal.ZERO;
        }
        int overlap = hi - from + 1;
        int length = hi - lo + 1;
        return overlap == length ? u : u.multiply(BigDecimal.valueOf(overlap)).divide(BigDecimal.valueOf(length), MathContext.DECIMAL128);
    }

    /** The segments in force on some day of {@code first … until}: {segment, from day, to day}, in time order. */
    private List<int[]> effectiveSegments(int i, int first, int until) {
        LimitSegments s = d.segments();
        List<int[]> out = new ArrayList<>();
        for (int k = s.first(i); k < s.end(i); k++) {
            int from = Math.max(first, s.from(k));
            int to = k + 1 < s.end(i) ? Math.max(first, s.from(k + 1)) - 1 : until;
            to = Math.min(to, until);
            if (from <= to) {
                out.add(new int[] {k, from, to});
            }
        }
        if (out.isEmpty()) {
            // every segment but the first starts after the last counted day
            out.add(new int[] {s.first(i), first, until});
        }
        return out;
    }

    private Map<String, BigDecimal> limits(int seg) {
        LimitSegments s = d.segments();
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (int l = s.limitStart(seg); l < s.limitEnd(seg); l++) {
            out.put(d.componentName(s.component(l)), s.value(l));
        }
        return out;
    }

    /** The changes between consecutive segments, component by component; then the end, when {@code endDay} ≥ 0. */
    private List<GrantChange> history(List<int[]> segs, int endDay) {
        List<GrantChange> out = new ArrayList<>();
        Map<String, BigDecimal> before = Map.of();
        for (int n = 0; n < segs.size(); n++) {
            Map<String, BigDecimal> after = limits(segs.get(n)[0]);
            LocalDate day = LocalDate.ofEpochDay(segs.get(n)[1]);
            for (String comp : components) {
                BigDecimal b = before.getOrDefault(comp, BigDecimal.ZERO);
                BigDecimal a = after.getOrDefault(comp, BigDecimal.ZERO);
                if (b.compareTo(a) != 0) {
                    out.add(new GrantChange(day, n == 0 ? Cause.START : Cause.CHANGE, comp, b, a));
                }
            }
            before = after;
        }
        if (endDay >= 0) {
            for (String comp : components) {
                BigDecimal b = before.getOrDefault(comp, BigDecimal.ZERO);
                if (b.signum() != 0) {
                    out.add(new GrantChange(LocalDate.ofEpochDay(endDay), Cause.END, comp, b, BigDecimal.ZERO));
                }
            }
        }
        return out;
    }

    private ShareLedger share(String label, ShareKind kind, List<Computed> list) {
        int running = (int) list.stream().filter(c -> c.ledger.running()).count();
        List<Balance> balances = new ArrayList<>();
        for (String comp : components) {
            List<Balance> parts = new ArrayList<>();
            list.forEach(c -> c.ledger.balances().stream().filter(b -> b.component().equals(comp)).forEach(parts::add));
            if (parts.isEmpty()) {
                continue;
            }
            BigDecimal limit = total(parts, Balance::limitNow);
            BigDecimal available = total(parts, Balance::available);
            BigDecimal b30 = total(parts, Balance::burn30);
            BigDecimal b90 = total(parts, Balance::burn90);
            LocalDate end = poolEnd(list);
            LocalDate lastDay = LocalDate.ofEpochDay(lastEpoch);
            balances.add(new Balance(comp, limit, total(parts, Balance::granted), total(parts, Balance::used), available, b30, b90,
                    running == 0 ? Exhaustion.HAS_ENDED : Projection.of(available, limit, b30, lastDay, end),
                    running == 0 ? Exhaustion.HAS_ENDED : Projection.of(available, limit, b90, lastDay, end)));
        }
        return new ShareLedger(label, kind, list.size(), running, merged(list), balances, points(list));
    }

    /** The last scheduled end of the running allocations, or null when one of them has none. */
    private static LocalDate poolEnd(List<Computed> list) {
        LocalDate end = null;
        for (Computed c : list) {
            if (c.ledger.running()) {
                if (c.ledger.endDate() == null) {
                    return null;
                }
                end = end == null || c.ledger.endDate().isAfter(end) ? c.ledger.endDate() : end;
            }
        }
        return end;
    }

    private static BigDecimal total(List<Balance> parts, java.util.function.Function<Balance, BigDecimal> f) {
        BigDecimal t = BigDecimal.ZERO;
        for (Balance b : parts) {
            t = t.add(f.apply(b));
        }
        return t;
    }

    /** The allocations' changes merged per day and component, with the share's totals before and after. */
    private List<GrantChange> merged(List<Computed> list) {
        Map<LocalDate, Map<String, BigDecimal>> net = new TreeMap<>();
        Map<LocalDate, Map<String, java.util.Set<Cause>>> causes = new TreeMap<>();
        for (Computed c : list) {
            for (GrantChange g : c.ledger.history()) {
                net.computeIfAbsent(g.day(), k -> new LinkedHashMap<>()).merge(g.component(), g.change(), BigDecimal::add);
                causes.computeIfAbsent(g.day(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(g.component(), k -> java.util.EnumSet.noneOf(Cause.class)).add(g.cause());
            }
        }
        List<GrantChange> out = new ArrayList<>();
        Map<String, BigDecimal> running = new LinkedHashMap<>();
        net.forEach((day, byComp) -> {
            for (String comp : components) {
                BigDecimal change = byComp.get(comp);
                if (change == null || change.signum() == 0) {
                    continue;
                }
                BigDecimal before = running.getOrDefault(comp, BigDecimal.ZERO);
                java.util.Set<Cause> why = causes.get(day).get(comp);
                out.add(new GrantChange(day, why.size() == 1 ? why.iterator().next() : Cause.CHANGE, comp, before,
                        before.add(change)));
                running.put(comp, before.add(change));
            }
        });
        return out;
    }

    /** Granted and used to date at the end of each month, from the earliest allocation's first month. */
    private List<MonthPoint> points(List<Computed> list) {
        int from = list.stream().mapToInt(Computed::firstMonth).min().orElse(lastMonth);
        int months = lastMonth - from + 1;
        List<MonthPoint> out = new ArrayList<>();
        for (String comp : components) {
            BigDecimal[] g = zeros(months);
            BigDecimal[] u = zeros(months);
            boolean any = false;
            for (Computed c : list) {
                any |= add(g, c.grantedByMonth.get(comp), c.firstMonth - from);
                any |= add(u, c.usedByMonth.get(comp), c.firstMonth - from);
            }
            if (!any) {
                continue;
            }
            BigDecimal cg = BigDecimal.ZERO;
            BigDecimal cu = BigDecimal.ZERO;
            for (int m = 0; m < months; m++) {
                cg = cg.add(g[m]);
                cu = cu.add(u[m]);
                out.add(new MonthPoint(Dataset.month(from + m), comp, cg, cu));
            }
        }
        return out;
    }

    private static boolean add(BigDecimal[] into, BigDecimal[] values, int offset) {
        if (values == null) {
            return false;
        }
        for (int m = 0; m < values.length; m++) {
            into[offset + m] = into[offset + m].add(values[m]);
        }
        return true;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal t = BigDecimal.ZERO;
        if (values != null) {
            for (BigDecimal v : values) {
                t = t.add(v);
            }
        }
        return t;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    private static int monthStart(int epochMonth) {
        return (int) Dataset.month(epochMonth).atDay(1).toEpochDay();
    }

    private static int monthEnd(int epochMonth) {
        return (int) Dataset.month(epochMonth).atEndOfMonth().toEpochDay();
    }
}
