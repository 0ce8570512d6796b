package dev.tally.core.cost;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.LimitSegments;
import dev.tally.core.dataset.UsageColumns;
import dev.tally.core.dataset.WholeMonthCosts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * Computes an allocation's figures for one month of a period (docs/definitions.md, "Cost"):
 * <ul>
 *   <li>monthly {@code limit} components and a monthly plan {@code unit_price} / {@code fixed} part:
 *       Σ over the days of the month on which the allocation existed (and which lie in the period) of
 *       the day's charge, divided once by the days in the month;</li>
 *   <li>{@code day}/{@code hour} units: the charge per day (× 24 for hours) for each such day;</li>
 *   <li>one-off charges ({@code one} at activation, {@code few} on a plan switch, {@code total} limits
 *       at activation and on each change, {@code quarterly} and {@code annual} limits and
 *       {@code quarter}/{@code half_month}/{@code quantity} units at the start of their period)
 *       on the day they fall.</li>
 * </ul>
 * The only inexact step is a division by the days of a month (or quarter, or year): it is carried
 * out to 34 significant digits ({@link MathContext#DECIMAL128}), exact whenever the quotient fits.
 * Not thread-safe: one instance per query.
 */
public final class Accrual {
    /** The precision of the divisions by days in a month, quarter or year. */
    public static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final int MIN_DAY = (int) LocalDate.of(-9999, 1, 1).toEpochDay();
    private static final int MAX_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

    private final Dataset d;
    private final LimitSegments s;
    private final PlanPrices prices;
    private final WholeMonthCosts monthCosts;
    private final UsageColumns usages;
    private final int from;
    private final int to;
    private final boolean wantCost;
    private final boolean[] wantLimit;
    private final BigDecimal[] limNum;
    private final int[] monthStart;
    private final int[] monthLength;
    private int cachedFirstMonth;
    private int chargesFor = -1;
    private int[] chDay = new int[8];
    private BigDecimal[] chAmount = new BigDecimal[8];
    private int chN;

    private Accrual(Dataset d, int from, int to, boolean wantCost, boolean[] wantLimit) {
        this.d = d;
        this.s = d.segments();
        this.prices = d.prices();
        this.monthCosts = d.wholeMonthCosts();
        this.usages = d.usages();
        this.from = from;
        this.to = to;
        this.wantCost = wantCost;
        this.wantLimit = wantLimit;
        this.limNum = new BigDecimal[d.components().size()];
        int first = Dataset.epochMonthOfDay(Math.max(from, MIN_DAY));
        int months = Dataset.epochMonthOfDay(Math.min(to, MAX_DAY)) - first + 1;
        this.monthStart = new int[Math.max(1, Math.min(months, 1200))];
        this.monthLength = new int[monthStart.length];
        cacheMonths(first);
    }

    /** A calculator of {@code d}'s monthly figures over the days {@code fromDay … toDay} (epoch days, inclusive). */
    public static Accrual over(Dataset d, int fromDay, int toDay) {
        boolean[] all = new boolean[d.components().size()];
        Arrays.fill(all, true);
        return new Accrual(d, fromDay, toDay, true, all);
    }

    /**
     * A calculator like {@link #over(Dataset, int, int)} for a caller that reads only some figures: in a month the
     * allocation did not fill, it leaves the cost at zero unless {@code cost}, and the limit of component {@code c}
     * null unless {@code limits[c]}. Those are the months that need divisions at 34 digits, and a query asking only
     * for usage, or only for cost, is spared the ones whose results it would drop. Whole-month figures are filled
     * either way (they cost no division).
     */
    public static Accrual over(Dataset d, int fromDay, int toDay, boolean cost, boolean[] limits) {
        if (limits.length != d.components().size()) {
            throw new IllegalArgumentException("limits has " + limits.length + " components, the dataset "
                    + d.components().size());
        }
        return new Accrual(d, fromDay, toDay, cost, limits.clone());
    }

    /** Caches the first day and length of the period's months (up to 100 years) from {@code em}, so a row needs no date objects. */
    private void cacheMonths(int em) {
        cachedFirstMonth = em;
        for (int k = 0; k < monthStart.length; k++) {
            YearMonth ym = Dataset.month(em + k);
            monthStart[k] = (int) ym.atDay(1).toEpochDay();
            monthLength[k] = ym.lengthOfMonth();
        }
    }

    /**
     * Fills {@code out} with allocation {@code i}'s figures in epoch month {@code em}.
     *
     * @return false (and leaves {@code out} alone) when the allocation existed on no day of the month within the period
     */
    public boolean month(int i, int em, RowFigures out) {
        int slot = slot(em);
        int ms = monthStart[slot];
        int dim = monthLength[slot];
        int a = Math.max(Math.max(ms, from), d.firstDay(i));
        int b = Math.min(Math.min(ms + dim - 1, to), d.lastDay(i));
        if (a > b) {
            return false;
        }
        out.reset();
        if (a == ms && b == ms + dim - 1 && fullMonth(i, ms, dim, out)) {
            usage(i, em, ms, out);
            return true;
        }
        Arrays.fill(limNum, null);
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal direct = BigDecimal.ZERO;
        boolean plain = true;
        int end = s.end(i);
        for (int k = s.first(i); k < end; k++) {
            int plan = s.plan(k);
            plain &= prices.plain(plan);
            int sd = Math.max(s.from(k), a);
            int ed = Math.min(k + 1 < end ? s.from(k + 1) - 1 : b, b);
            if (sd > ed) {
                continue;
            }
            out.plan = plan;
            BigDecimal days = BigDecimal.valueOf(ed - sd + 1L);
            BigDecimal[] monthPrices = prices.monthPrices(plan);
            for (int l = s.limitStart(k); l < s.limitEnd(k); l++) {
                int c = s.component(l);
                boolean priced = wantCost && monthPrices[c] != null;
                if (!priced && !wantLimit[c]) {
                    continue;
                }
                BigDecimal limitDays = s.value(l).multiply(days);
                if (wantLimit[c]) {
                    limNum[c] = limNum[c] == null ? limitDays : limNum[c].add(limitDays);
                }
                if (priced) {
                    num = num.add(limitDays.multiply(monthPrices[c]));
                }
            }
            BigDecimal unitCharge = wantCost ? prices.unitCharge(plan) : BigDecimal.ZERO;
            if (unitCharge.signum() != 0) {
                switch (prices.plan(plan).unit()) {
                    case MONTH -> num = num.add(unitCharge.multiply(days));
                    case DAY -> direct = direct.add(unitCharge.multiply(days));
                    case HOUR -> direct = direct.add(unitCharge.multiply(days).multiply(HOURS_PER_DAY));
                    default -> {
                        // charged as one-off amounts below
                    }
                }
            }
        }
        BigDecimal dimDays = BigDecimal.valueOf(dim);
        BigDecimal cost = wantCost ? num.divide(dimDays, PRECISION).add(direct) : BigDecimal.ZERO;
        for (int c = 0; c < limNum.length; c++) {
            if (limNum[c] != null) {
                out.limits[c] = limNum[c].divide(dimDays, PRECISION);
            }
        }
        if (wantCost && !plain) {
            charges(i);
            for (int h = 0; h < chN; h++) {
                if (chDay[h] >= a && chDay[h] <= b) {
                    cost = cost.add(chAmount[h]);
                }
            }
        }
        out.cost = cost;
        usage(i, em, ms, out);
        return true;
    }

    /** The index of epoch month {@code em} in the month cache, refilling the cache when it is outside. */
    private int slot(int em) {
        int slot = em - cachedFirstMonth;
        if (slot < 0 || slot >= monthStart.length) {
            cacheMonths(em);
            slot = 0;
        }
        return slot;
    }

    /**
     * The segment whose whole-month figures ({@link WholeMonthCosts}, its limits) are allocation
     * {@code i}'s figures in epoch month {@code em}, or -1 when {@link #month} must compute them: the
     * allocation existed on every day of the month, the whole month lies in the period, and one
     * plain, monthly priced segment covers it (the case {@link #month} computes without division).
     * Usage is not included: see {@link #countsUsage}.
     */
    public int wholeMonthSegment(int i, int em) {
        int slot = slot(em);
        int ms = monthStart[slot];
        int me = ms + monthLength[slot] - 1;
        if (ms < from || me > to || d.firstDay(i) > ms || d.lastDay(i) < me) {
            return -1;
        }
        int seg = singlePlainSegment(i, ms, me);
        return seg >= 0 && monthCosts.has(seg) ? seg : -1;
    }

    /** Whether usage reported for epoch month {@code em} counts in the period: its first day lies in it. */
    public boolean countsUsage(int em) {
        int ms = monthStart[slot(em)];
        return from <= ms && ms <= to;
    }

    /** The one segment in force on all days {@code ms … me}, or -1 when a segment starts inside them, none covers them, or a plan is not plain. */
    private int singlePlainSegment(int i, int ms, int me) {
        int end = s.end(i);
        int seg = -1;
        for (int k = s.first(i); k < end; k++) {
            if (!prices.plain(s.plan(k))) {
                return -1;
            }
            if (s.from(k) <= ms) {
                seg = k;
            } else if (s.from(k) <= me) {
                return -1;
            }
        }
        return seg;
    }

    private void usage(int i, int em, int ms, RowFigures out) {
        if (from <= ms && ms <= to) {
            int end = usages.end(i);
            // an allocation's records are ordered by month (UsageColumns): start at the month's first, stop after it
            for (int u = firstOfMonth(usages.start(i), end, em); u < end && usages.month(u) == em; u++) {
                out.usages[usages.component(u)] = usages.value(u);
            }
        }
    }

    /** The first record of {@code lo … hi-1} whose month is {@code em} or later; {@code hi} when there is none. */
    private int firstOfMonth(int lo, int hi, int em) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (usages.month(mid) < em) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The common case without division: one plain plan and one set of limits for the whole month, so
     * the day-weighted limit is the limit and the cost is the monthly estimate (Σ days / days = 1).
     *
     * @return false when the month needs the general computation
     */
    private boolean fullMonth(int i, int ms, int dim, RowFigures out) {
        int seg = singlePlainSegment(i, ms, ms + dim - 1);
        if (seg < 0) {
            return false;
        }
        int plan = s.plan(seg);
        for (int l = s.limitStart(seg); l < s.limitEnd(seg); l++) {
            out.limits[s.component(l)] = s.value(l);
        }
        out.plan = plan;
        out.cost = monthCosts.has(seg) ? monthCosts.of(seg)
                : prices.wholeMonth(plan, dim, true, s.components(), s.values(), s.limitStart(seg), s.limitEnd(seg));
        return true;
    }

    /** The one-off charges of allocation {@code i} that fall within the period. */
    private void charges(int i) {
        if (chargesFor == i) {
            return;
        }
        chargesFor = i;
        chN = 0;
        int first = d.firstDay(i);
        int last = d.lastDay(i);
        int lo = Math.max(first, from);
        int hi = Math.min(last, to);
        if (first == Dataset.NEVER || lo > hi) {
            return;
        }
        int s0 = s.first(i);
        int s1 = s.end(i);
        PriceList p0 = prices.plan(s.plan(s0));
        charge(first, lo, hi, p0.sumOf(BillingType.ONE));
        if (p0.unit() == PlanUnit.QUANTITY) {
            charge(first, lo, hi, prices.unitCharge(s.plan(s0)));
        }
        charge(first, lo, hi, totalLimitDelta(s0, -1));
        boolean quarterly = false;
        boolean annual = false;
        boolean halves = false;
        for (int k = s0; k < s1; k++) {
            PriceList p = prices.plan(s.plan(k));
            quarterly |= p.unit() == PlanUnit.QUARTER || has(p, LimitPeriod.QUARTERLY);
            annual |= has(p, LimitPeriod.ANNUAL);
            halves |= p.unit() == PlanUnit.HALF_MONTH;
            if (k > s0 && s.from(k) <= last) {
                if (s.plan(k) != s.plan(k - 1)) {
                    charge(s.from(k), lo, hi, p.sumOf(BillingType.FEW));
                }
                charge(s.from(k), lo, hi, totalLimitDelta(k, k - 1));
            }
        }
        if (quarterly) {
            LocalDate q = LocalDate.ofEpochDay(lo).withDayOfMonth(1);
            q = q.withMonth((q.getMonthValue() - 1) / 3 * 3 + 1);
            for (; q.toEpochDay() <= hi; q = q.plusMonths(3)) {
                int qs = (int) q.toEpochDay();
                int qe = (int) q.plusMonths(3).toEpochDay() - 1;
                int day = Math.max(qs, first);
                int plan = d.planOn(i, day);
                if (prices.plan(plan).unit() == PlanUnit.QUARTER) {
                    charge(day, lo, hi, prices.unitCharge(plan));
                }
                charge(day, lo, hi, periodLimitCharge(i, qs, qe, LimitPeriod.QUARTERLY));
            }
        }
        if (annual) {
            LocalDate start = LocalDate.ofEpochDay(first);
            for (int y = 0; start.plusYears(y).toEpochDay() <= hi; y++) {
                int ys = (int) start.plusYears(y).toEpochDay();
                int ye = (int) start.plusYears(y + 1L).toEpochDay() - 1;
                charge(ys, lo, hi, periodLimitCharge(i, ys, ye, LimitPeriod.ANNUAL));
            }
        }
        if (halves) {
            for (LocalDate m = LocalDate.ofEpochDay(lo).withDayOfMonth(1); m.toEpochDay() <= hi; m = m.plusMonths(1)) {
                int ms = (int) m.toEpochDay();
                for (int hs : new int[] {ms, ms + 15}) {
                    int day = Math.max(hs, first);
                    int plan = d.planOn(i, day);
                    if (prices.plan(plan).unit() == PlanUnit.HALF_MONTH && day < hs + 15 && day <= last) {
                        charge(day, lo, hi, prices.unitCharge(plan));
                    }
                }
            }
        }
    }

    private static boolean has(PriceList p, LimitPeriod period) {
        for (ComponentPrice c : p.components().values()) {
            if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == period) {
                return true;
            }
        }
        return false;
    }

    /** For {@code total} limits: Σ (new limit − previous limit) × price on segment {@code k}'s plan; previous is none when {@code prev} is -1. */
    private BigDecimal totalLimitDelta(int k, int prev) {
        PriceList p = prices.plan(s.plan(k));
        BigDecimal sum = BigDecimal.ZERO;
        for (ComponentPrice c : p.components().values()) {
            if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == LimitPeriod.TOTAL) {
                int comp = d.componentIndex(c.type());
                BigDecimal delta = limitIn(k, comp).subtract(prev < 0 ? BigDecimal.ZERO : limitIn(prev, comp));
                sum = sum.add(delta.multiply(c.price()));
            }
        }
        return sum;
    }

    /** Σ over the allocation's days in {@code [ps, pe]} of limit × price for components of {@code period}, divided by the period's days. */
    private BigDecimal periodLimitCharge(int i, int ps, int pe, LimitPeriod period) {
        int a = Math.max(ps, d.firstDay(i));
        int b = Math.min(pe, d.lastDay(i));
        BigDecimal num = BigDecimal.ZERO;
        int end = s.end(i);
        for (int k = s.first(i); k < end; k++) {
            int sd = Math.max(s.from(k), a);
            int ed = Math.min(k + 1 < end ? s.from(k + 1) - 1 : b, b);
            if (sd > ed) {
                continue;
            }
            BigDecimal days = BigDecimal.valueOf(ed - sd + 1L);
            for (ComponentPrice c : prices.plan(s.plan(k)).components().values()) {
                if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == period) {
                    num = num.add(limitIn(k, d.componentIndex(c.type())).multiply(c.price()).multiply(days));
                }
            }
        }
        return num.divide(BigDecimal.valueOf(pe - ps + 1L), PRECISION);
    }

    private BigDecimal limitIn(int k, int comp) {
        for (int l = s.limitStart(k); l < s.limitEnd(k); l++) {
            if (s.component(l) == comp) {
                return s.value(l);
            }
        }
        return BigDecimal.ZERO;
    }

    private void charge(int day, int lo, int hi, BigDecimal amount) {
        if (day < lo || day > hi || amount.signum() == 0) {
            return;
        }
        if (chN == chDay.length) {
            chDay = Arrays.copyOf(chDay, chN * 2);
            chAmount = Arrays.copyOf(chAmount, chN * 2);
        }
        chDay[chN] = day;
        chAmount[chN++] = amount;
    }
}
