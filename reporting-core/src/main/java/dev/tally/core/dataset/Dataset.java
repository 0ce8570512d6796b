package dev.tally.core.dataset;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.country.ShareKind;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * All facts of one snapshot in compact, column-wise form: one {@code int} code per allocation and
 * attribute, limit segments and monthly usages in flat arrays. A million allocations fit in well
 * under 512 MB; queries ({@code dev.tally.core.query.QueryEngine}) and checks
 * ({@code dev.tally.core.quality.DataQuality}) read it by allocation index {@code 0 … size()-1}.
 *
 * <p>Days are UTC epoch days ({@link LocalDate#toEpochDay()}); months are epoch months
 * ({@code year × 12 + month − 1}). An allocation exists on day {@code d} when it became active before
 * the end of {@code d} and did not end before its start, so the day of creation and the day of
 * termination both count (unless termination is exactly at midnight). Immutable once built.
 */
public final class Dataset {
    /** {@link #firstDay} of an allocation that never became active. */
    public static final int NEVER = Integer.MAX_VALUE;
    /** {@link #lastDay} of an open-ended allocation. */
    public static final int OPEN = Integer.MAX_VALUE;
    /** The label of an empty or missing {@code used_ai_tech}. */
    public static final String NO_AI_TECH = "(none)";

    // values() copies its array on each call; queries read these per row
    private static final Flag[] FLAGS = Flag.values();
    private static final CountrySource[] COUNTRY_SOURCES = CountrySource.values();

    private static final List<String> PREFERRED = List.of("cpu_k_hours", "gpu_k_hours", "gb_k_hours");

    final LocalDate asOf;
    final List<String> components;
    final Map<String, Integer> componentIndex;
    final Dictionary projects;
    final Dictionary customers;
    final Dictionary shares;
    final ShareKind[] shareKinds;
    final Dictionary offerings;
    final Dictionary planLabels;
    final PriceList[] plans;
    final int[] planLabel;
    final boolean[] planPlain;
    final BigDecimal[][] planMonthPrice;
    final BigDecimal[] planUnitCharge;
    final String[] componentNames;
    final Dictionary states;
    final Dictionary aiValues;
    final int[][] aiSets;

    final String[] resourceIds;
    final String[] resourceNames;
    final int[] project;
    final int[] customer;
    final int[] share;
    final byte[] countrySource;
    final int[] offering;
    final int[] state;
    final byte[] industry;
    final byte[] commercial;
    final byte[] training;
    final int[] aiSet;
    final int[] firstDay;
    final int[] lastDay;

    final int[] segStart;
    final int[] segFrom;
    final int[] segPlan;
    final int[] limStart;
    final int[] limComp;
    final BigDecimal[] limValue;
    /** Per component: the scale at which {@link #limScaled} holds its limits (the largest scale among them). */
    final int[] limCommonScale;
    /** Per limit entry: the value as a {@code long} at its component's common scale. */
    final long[] limScaled;
    /** Per limit entry: the value's own scale, or {@link ScaledLongs#NO_FIT} when it needs {@code BigDecimal}. */
    final byte[] limScale;
    /** The scale at which {@link #segMonthCost} holds every segment's cost. */
    final int monthCostScale;
    /** Per segment: the cost of a whole month under it, as a {@code long} at {@link #monthCostScale}. */
    final long[] segMonthCost;
    /**
     * Per segment: the scale of that whole-month cost, or {@link ScaledLongs#NO_FIT} when a whole month
     * under it is not one simple sum (plan not plain, charged per day or hour, a value too long).
     */
    final byte[] segMonthCostScale;

    final int[] usageStart;
    final int[] usageMonth;
    final int[] usageComp;
    /** Per component: the scale at which {@link #usageScaled} holds its usages (the largest scale among them). */
    final int[] usageCommonScale;
    /** Per usage record: the value as a {@code long} at its component's common scale. */
    final long[] usageScaled;
    /** Per usage record: the value's own scale, or {@link ScaledLongs#NO_FIT} when it is in {@link #usageBig}. */
    final byte[] usageScale;
    /** The usage values that do not fit a {@code long}, by record; almost always empty. */
    final Map<Integer, BigDecimal> usageBig;

    final List<OrderFact> orders;
    final int[] orderAllocation;
    final List<Finding> findings;

    private Dataset(Builder b, int[] usageOrder, int[] orderAlloc) {
        int n = b.size;
        this.asOf = b.asOf;
        List<String> comps = new ArrayList<>(b.componentNames);
        Set<String> ordered = new LinkedHashSet<>();
        PREFERRED.stream().filter(comps::contains).forEach(ordered::add);
        comps.stream().sorted().forEach(ordered::add);
        this.components = List.copyOf(ordered);
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < comps.size(); c++) {
            index.put(comps.get(c), c);
        }
        this.componentIndex = Map.copyOf(index);
        this.componentNames = comps.toArray(new String[0]);
        this.projects = b.projects;
        this.customers = b.customers;
        this.shares = b.shares;
        this.shareKinds = b.shareKinds.toArray(new ShareKind[0]);
        this.offerings = b.offerings;
        this.planLabels = b.planLabels;
        this.plans = b.planList.toArray(new PriceList[0]);
        this.planLabel = b.planLabelOf.toArray();
        this.planPlain = new boolean[plans.length];
        this.planMonthPrice = new BigDecimal[plans.length][comps.size()];
        this.planUnitCharge = new BigDecimal[plans.length];
        for (int p = 0; p < plans.length; p++) {
            planPlain[p] = isPlain(plans[p]);
            BigDecimal unitCharge = plans[p].unitPrice();
            for (ComponentPrice c : plans[p].components().values()) {
                if (c.billingType() == BillingType.LIMIT && c.limitPeriod() == LimitPeriod.MONTH) {
                    planMonthPrice[p][index.get(c.type())] = c.price();
                }
                if (c.billingType() == BillingType.FIXED) {
                    unitCharge = unitCharge.add(c.fixedCharge());
                }
            }
            planUnitCharge[p] = unitCharge;
        }
        this.states = b.states;
        this.aiValues = b.aiValues;
        this.aiSets = b.aiSetList.toArray(new int[0][]);
        this.resourceIds = Arrays.copyOf(b.resourceIds, n);
        this.resourceNames = Arrays.copyOf(b.resourceNames, n);
        this.project = b.project.toArray();
        this.customer = b.customer.toArray();
        this.share = b.share.toArray();
        this.countrySource = Arrays.copyOf(b.countrySource, n);
        this.offering = b.offering.toArray();
        this.state = b.state.toArray();
        this.industry = Arrays.copyOf(b.industry, n);
        this.commercial = Arrays.copyOf(b.commercial, n);
        this.training = Arrays.copyOf(b.training, n);
        this.aiSet = b.aiSet.toArray();
        this.firstDay = b.firstDay.toArray();
        this.lastDay = b.lastDay.toArray();
        b.segStart.add(b.segFrom.size());
        this.segStart = b.segStart.toArray();
        this.segFrom = b.segFrom.toArray();
        this.segPlan = b.segPlan.toArray();
        b.limStart.add(b.limComp.size());
        this.limStart = b.limStart.toArray();
        this.limComp = b.limComp.toArray();
        this.limValue = b.limValue.toArray(new BigDecimal[0]);
        this.limCommonScale = new int[comps.size()];
        this.limScale = new byte[limValue.length];
        this.limScaled = new long[limValue.length];
        scaleLimits();
        this.segMonthCost = new long[segPlan.length];
        this.segMonthCostScale = new byte[segPlan.length];
        this.monthCostScale = scaleMonthCosts();

        int u = usageOrder.length;
        this.usageStart = new int[n + 1];
        this.usageMonth = new int[u];
        this.usageComp = new int[u];
        this.usageCommonScale = new int[comps.size()];
        this.usageScaled = new long[u];
        this.usageScale = new byte[u];
        this.usageBig = new HashMap<>();
        for (int k = 0; k < u; k++) {
            int src = usageOrder[k];
            usageStart[b.usageAlloc[src] + 1]++;
            usageMonth[k] = b.usageMonth[src];
            usageComp[k] = b.usageComp[src];
        }
        for (int i = 0; i < n; i++) {
            usageStart[i + 1] += usageStart[i];
        }
        scaleUsages(b, usageOrder);
        this.orders = List.copyOf(b.orders);
        this.orderAllocation = orderAlloc;
        this.findings = List.copyOf(b.findings);
    }

    /** Fills {@link #usageScaled}, {@link #usageScale} and {@link #usageBig}: the usages as longs at one scale per component. */
    private void scaleUsages(Builder b, int[] usageOrder) {
        for (int k = 0; k < usageOrder.length; k++) {
            int src = usageOrder[k];
            byte s = b.usageScale[src];
            usageScale[k] = s >= 0 && s <= ScaledLongs.MAX_SCALE && ScaledLongs.fits(b.usageUnscaled[src]) ? s : ScaledLongs.NO_FIT;
            if (usageScale[k] != ScaledLongs.NO_FIT) {
                usageCommonScale[usageComp[k]] = Math.max(usageCommonScale[usageComp[k]], s);
            }
        }
        for (int k = 0; k < usageOrder.length; k++) {
            int src = usageOrder[k];
            if (usageScale[k] != ScaledLongs.NO_FIT) {
                usageScaled[k] = ScaledLongs.at(b.usageUnscaled[src], usageScale[k], usageCommonScale[usageComp[k]]);
                if (usageScaled[k] == ScaledLongs.OVERFLOW) {
                    usageScale[k] = ScaledLongs.NO_FIT;
                }
            }
            if (usageScale[k] == ScaledLongs.NO_FIT) {
                usageBig.put(k, b.usageValue(src));
            }
        }
    }

    /** Fills {@link #limScaled} and {@link #limScale}: the limits as longs at one scale per component. */
    private void scaleLimits() {
        for (int l = 0; l < limValue.length; l++) {
            limScale[l] = ScaledLongs.scaleOf(limValue[l]);
            if (limScale[l] != ScaledLongs.NO_FIT) {
                limCommonScale[limComp[l]] = Math.max(limCommonScale[limComp[l]], limScale[l]);
            }
        }
        for (int l = 0; l < limValue.length; l++) {
            if (limScale[l] != ScaledLongs.NO_FIT) {
                limScaled[l] = ScaledLongs.at(limValue[l], limCommonScale[limComp[l]]);
                if (limScaled[l] == ScaledLongs.OVERFLOW) {
                    limScale[l] = ScaledLongs.NO_FIT;
                }
            }
        }
    }

    /**
     * Fills {@link #segMonthCost} and {@link #segMonthCostScale} with each segment's whole-month cost
     * {@code Σ price × limit (+ the plan's monthly unit charge)}, computed exactly as {@link Accrual}
     * computes a whole month; returns the common scale.
     */
    private int scaleMonthCosts() {
        BigDecimal[] costs = new BigDecimal[segPlan.length];
        int common = 0;
        for (int k = 0; k < segPlan.length; k++) {
            BigDecimal cost = wholeMonthCost(k);
            segMonthCostScale[k] = cost == null ? ScaledLongs.NO_FIT : ScaledLongs.scaleOf(cost);
            if (segMonthCostScale[k] != ScaledLongs.NO_FIT) {
                costs[k] = cost;
                common = Math.max(common, segMonthCostScale[k]);
            }
        }
        for (int k = 0; k < segPlan.length; k++) {
            if (costs[k] != null) {
                segMonthCost[k] = ScaledLongs.at(costs[k], common);
                if (segMonthCost[k] == ScaledLongs.OVERFLOW) {
                    segMonthCostScale[k] = ScaledLongs.NO_FIT;
                }
            }
        }
        return common;
    }

    /** The cost of a whole month under segment {@code k}, or null when it depends on more than the segment. */
    private BigDecimal wholeMonthCost(int k) {
        int plan = segPlan[k];
        BigDecimal unitCharge = planUnitCharge[plan];
        if (!planPlain[plan] || (plans[plan].unit() != PlanUnit.MONTH && unitCharge.signum() != 0)) {
            return null;
        }
        BigDecimal[] prices = planMonthPrice[plan];
        BigDecimal cost = BigDecimal.ZERO;
        for (int l = limStart[k]; l < limStart[k + 1]; l++) {
            if (limScale[l] == ScaledLongs.NO_FIT) {
                return null;
            }
            if (prices[limComp[l]] != null) {
                cost = cost.add(limValue[l].multiply(prices[limComp[l]]));
            }
        }
        return unitCharge.signum() != 0 ? cost.add(unitCharge) : cost;
    }

    /** A plan whose cost is fully described by monthly proration: no one-off charges, no quarterly, annual or total limits. */
    private static boolean isPlain(PriceList p) {
        if (p.unit() != PlanUnit.MONTH && p.unit() != PlanUnit.DAY && p.unit() != PlanUnit.HOUR) {
            return false;
        }
        for (ComponentPrice c : p.components().values()) {
            if (c.billingType() == BillingType.ONE || c.billingType() == BillingType.FEW) {
                return false;
            }
            if (c.billingType() == BillingType.LIMIT && c.limitPeriod() != LimitPeriod.MONTH) {
                return false;
            }
        }
        return true;
    }

    /** A builder for a dataset whose "current month" is the month of {@code asOf}. */
    public static Builder builder(LocalDate asOf) {
        return new Builder(asOf);
    }

    /** A dataset of allocations only (no orders or usages), as of today's date in {@code asOf}. */
    public static Dataset of(List<AllocationFact> facts, LocalDate asOf) {
        Builder b = builder(asOf);
        facts.forEach(b::add);
        return b.build();
    }

    /** The date the data describes; its month is the "current month". */
    public LocalDate asOf() {
        return asOf;
    }

    /** How many allocations there are. */
    public int size() {
        return project.length;
    }

    /** The component types present, LUMI's three first, then alphabetically; the reading order of limit and usage columns. */
    public List<String> components() {
        return components;
    }

    /** The internal index of a component type (for {@link RowFigures}), or -1 when absent. */
    public int componentIndex(String type) {
        Integer c = componentIndex.get(type);
        return c == null ? -1 : c;
    }

    /** Projects, keyed by UUID, labelled by name. */
    public Dictionary projects() {
        return projects;
    }

    /** Customers (allocators), keyed by UUID, labelled by name. */
    public Dictionary customers() {
        return customers;
    }

    /** Country shares: country names, {@code (unassigned)}, and non-share offering names. */
    public Dictionary shares() {
        return shares;
    }

    /** Whether a share code is a country, unassigned, or a non-share offering. */
    public ShareKind shareKind(int shareCode) {
        return shareKinds[shareCode];
    }

    /** Offerings, keyed by UUID, labelled by name. */
    public Dictionary offerings() {
        return offerings;
    }

    /** Plan names (plans with the same name in different offerings share a label). */
    public Dictionary planLabels() {
        return planLabels;
    }

    /** The label code of a plan code. */
    public int planLabel(int planCode) {
        return planLabel[planCode];
    }

    /** The prices of a plan code. */
    public PriceList plan(int planCode) {
        return plans[planCode];
    }

    /** Resource states as Waldur names them ({@code OK}, {@code Terminated}, …). */
    public Dictionary states() {
        return states;
    }

    /** The distinct {@code used_ai_tech} values, including {@link #NO_AI_TECH}. */
    public Dictionary aiValues() {
        return aiValues;
    }

    /** The resource UUID of allocation {@code i}. */
    public String resourceId(int i) {
        return resourceIds[i];
    }

    /** The resource name of allocation {@code i} (may be null). */
    public String resourceName(int i) {
        return resourceNames[i];
    }

    /** The project code of allocation {@code i}, into {@link #projects()}. */
    public int project(int i) {
        return project[i];
    }

    /** The customer (allocator) code of allocation {@code i}, into {@link #customers()}. */
    public int customer(int i) {
        return customer[i];
    }

    /** The country-share code of allocation {@code i}, into {@link #shares()}. */
    public int share(int i) {
        return share[i];
    }

    /** Which step of the country rule assigned the allocation's share. */
    public CountrySource countrySource(int i) {
        return COUNTRY_SOURCES[countrySource[i]];
    }

    /** The offering code of allocation {@code i}, into {@link #offerings()}. */
    public int offering(int i) {
        return offering[i];
    }

    /** The resource-state code of allocation {@code i}, into {@link #states()}. */
    public int state(int i) {
        return state[i];
    }

    /** The {@code is_industry} option of allocation {@code i}. */
    public Flag industry(int i) {
        return FLAGS[industry[i]];
    }

    /** The {@code is_commercial} option of allocation {@code i}. */
    public Flag commercial(int i) {
        return FLAGS[commercial[i]];
    }

    /** The {@code is_training} option of allocation {@code i}. */
    public Flag training(int i) {
        return FLAGS[training[i]];
    }

    /** The allocation's {@code used_ai_tech} value codes; never empty ({@link #NO_AI_TECH} when none). Do not modify. */
    public int[] aiTech(int i) {
        return aiSets[aiSet[i]];
    }

    /** The first day the allocation existed, or {@link #NEVER}. */
    public int firstDay(int i) {
        return firstDay[i];
    }

    /** The last day the allocation existed, or {@link #OPEN}. */
    public int lastDay(int i) {
        return lastDay[i];
    }

    /** The plan code in force on {@code day}, or the first plan when the day is before the allocation began. */
    public int planOn(int i, int day) {
        int p = segPlan[segStart[i]];
        for (int k = segStart[i]; k < segStart[i + 1]; k++) {
            if (segFrom[k] <= day) {
                p = segPlan[k];
            }
        }
        return p;
    }

    /** The plan code of limit segment {@code k} (as returned by {@link Accrual#wholeMonthSegment}). */
    public int segmentPlan(int k) {
        return segPlan[k];
    }

    /** The limits in force on {@code day} (the first limits before the allocation began), by component type. */
    public Map<String, BigDecimal> limitsOn(int i, int day) {
        int seg = segStart[i];
        for (int k = segStart[i]; k < segStart[i + 1]; k++) {
            if (segFrom[k] <= day) {
                seg = k;
            }
        }
        Map<String, BigDecimal> out = new HashMap<>();
        for (int l = limStart[seg]; l < limStart[seg + 1]; l++) {
            out.put(componentNames[limComp[l]], limValue[l]);
        }
        return out;
    }

    /** The component type of an internal component index. */
    public String componentName(int c) {
        return componentNames[c];
    }

    /** The first usage record of allocation {@code i}; its records run to {@link #usageEnd}. */
    public int usageStart(int i) {
        return usageStart[i];
    }

    /** One past the last usage record of allocation {@code i}. */
    public int usageEnd(int i) {
        return usageStart[i + 1];
    }

    /** The epoch month of usage record {@code k}. */
    public int usageMonth(int k) {
        return usageMonth[k];
    }

    /** The internal component index of usage record {@code k}. */
    public int usageComponent(int k) {
        return usageComp[k];
    }

    /** The usage of record {@code k} (the latest report of its month), with the scale it was reported with. */
    public BigDecimal usageValue(int k) {
        byte s = usageScale[k];
        return s == ScaledLongs.NO_FIT ? usageBig.get(k) : ScaledLongs.decimal(usageScaled[k], usageCommonScale[usageComp[k]], s);
    }

    /** Every order, in the order added. */
    public List<OrderFact> orders() {
        return orders;
    }

    /** The allocation index of order {@code j}, or -1 when its resource is not in the dataset. */
    public int orderAllocation(int j) {
        return orderAllocation[j];
    }

    /** Findings made while the facts were assembled (limit mismatches, duplicate usage reports, …). */
    public List<Finding> findings() {
        return findings;
    }

    /** A calculator of the allocations' monthly figures over the days {@code fromDay … toDay} (epoch days, inclusive). */
    public Accrual accrual(int fromDay, int toDay) {
        return new Accrual(this, fromDay, toDay);
    }

    /** The epoch month of a month. */
    public static int epochMonth(YearMonth m) {
        return m.getYear() * 12 + m.getMonthValue() - 1;
    }

    /** The month of an epoch month. */
    public static YearMonth month(int epochMonth) {
        return YearMonth.of(Math.floorDiv(epochMonth, 12), Math.floorMod(epochMonth, 12) + 1);
    }

    /** The epoch month containing an epoch day. */
    public static int epochMonthOfDay(int epochDay) {
        return epochMonth(YearMonth.from(LocalDate.ofEpochDay(epochDay)));
    }

    /** Collects facts into a dataset; add allocations before the orders and usages that refer to them (or any order: they are joined at {@link #build}). */
    public static final class Builder {
        private final LocalDate asOf;
        private final List<String> componentNames = new ArrayList<>();
        private final Map<String, Integer> componentCodes = new HashMap<>();
        private final Dictionary projects = new Dictionary();
        private final Dictionary customers = new Dictionary();
        private final Dictionary shares = new Dictionary();
        private final List<ShareKind> shareKinds = new ArrayList<>();
        private final Dictionary offerings = new Dictionary();
        private final Dictionary planLabels = new Dictionary();
        private final Map<PriceList, Integer> planCodes = new HashMap<>();
        private final List<PriceList> planList = new ArrayList<>();
        private final IntList planLabelOf = new IntList();
        private final Dictionary states = new Dictionary();
        private final Dictionary aiValues = new Dictionary();
        private final Map<List<String>, Integer> aiSetCodes = new HashMap<>();
        private final List<int[]> aiSetList = new ArrayList<>();
        private final Map<BigDecimal, BigDecimal> decimals = new HashMap<>();

        private int size;
        private String[] resourceIds = new String[16];
        private String[] resourceNames = new String[16];
        private final IntList project = new IntList();
        private final IntList customer = new IntList();
        private final IntList share = new IntList();
        private byte[] countrySource = new byte[16];
        private final IntList offering = new IntList();
        private final IntList state = new IntList();
        private byte[] industry = new byte[16];
        private byte[] commercial = new byte[16];
        private byte[] training = new byte[16];
        private final IntList aiSet = new IntList();
        private final IntList firstDay = new IntList();
        private final IntList lastDay = new IntList();
        private final IntList segStart = new IntList();
        private final IntList segFrom = new IntList();
        private final IntList segPlan = new IntList();
        private final IntList limStart = new IntList();
        private final IntList limComp = new IntList();
        private final List<BigDecimal> limValue = new ArrayList<>();

        // usages in columns: resource as a code of usageResourceIds, value as unscaled long and scale (or in usageBigValue)
        private final Map<String, Integer> usageResourceCodes = new HashMap<>();
        private final List<String> usageResourceIds = new ArrayList<>();
        private int usages;
        private int[] usageResource = new int[16];
        private int[] usageAlloc;
        private int[] usageMonth = new int[16];
        private int[] usageComp = new int[16];
        private long[] usageUnscaled = new long[16];
        private byte[] usageScale = new byte[16];
        private final Map<Integer, BigDecimal> usageBigValue = new HashMap<>();
        private final List<OrderFact> orders = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();

        private Builder(LocalDate asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
            aiValues.code(NO_AI_TECH);
        }

        /** Adds one allocation. */
        public Builder add(AllocationFact f) {
            int i = size++;
            if (i == resourceIds.length) {
                int cap = i * 2;
                resourceIds = Arrays.copyOf(resourceIds, cap);
                resourceNames = Arrays.copyOf(resourceNames, cap);
                countrySource = Arrays.copyOf(countrySource, cap);
                industry = Arrays.copyOf(industry, cap);
                commercial = Arrays.copyOf(commercial, cap);
                training = Arrays.copyOf(training, cap);
            }
            resourceIds[i] = f.resourceId();
            resourceNames[i] = f.resourceName();
            project.add(projects.code(keyOf(f.projectId(), f.projectName()), labelOf(f.projectName(), f.projectId())));
            customer.add(customers.code(keyOf(f.customerId(), f.customerName()), labelOf(f.customerName(), f.customerId())));
            CountryShare s = f.share();
            int shareCode = shares.code(s.kind().ordinal() + ":" + s.name(), s.name());
            if (shareCode == shareKinds.size()) {
                shareKinds.add(s.kind());
            }
            share.add(shareCode);
            countrySource[i] = (byte) s.source().ordinal();
            offering.add(offerings.code(keyOf(f.offeringId(), f.offeringName()), labelOf(f.offeringName(), f.offeringId())));
            state.add(states.code(f.state() == null ? "(unknown)" : f.state()));
            industry[i] = (byte) f.options().isIndustry().ordinal();
            commercial[i] = (byte) f.options().isCommercial().ordinal();
            training[i] = (byte) f.options().isTraining().ordinal();
            aiSet.add(aiSetCode(f.options().usedAiTech()));
            int first = f.activeFrom() == null ? NEVER : day(f.activeFrom());
            int last = OPEN;
            if (f.activeUntil() != null) {
                LocalDate d = LocalDate.ofInstant(f.activeUntil(), ZoneOffset.UTC);
                boolean midnight = f.activeUntil().equals(d.atStartOfDay().toInstant(ZoneOffset.UTC));
                last = (int) d.toEpochDay() - (midnight ? 1 : 0);
            }
            firstDay.add(first);
            lastDay.add(last);
            segStart.add(segFrom.size());
            addSegment(first, f.prices(), f.limits());
            for (LimitChange c : f.changes()) {
                addSegment(first == NEVER ? NEVER : Math.max(first, day(c.at())), c.prices(), c.limits());
            }
            return this;
        }

        private void addSegment(int from, PriceList prices, Map<String, BigDecimal> limits) {
            segFrom.add(from);
            segPlan.add(planCode(prices));
            limStart.add(limComp.size());
            limits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                if (e.getValue() != null) {
                    limComp.add(component(e.getKey()));
                    limValue.add(decimals.computeIfAbsent(e.getValue(), v -> v));
                }
            });
        }

        private int planCode(PriceList p) {
            Integer code = planCodes.get(p);
            if (code == null) {
                code = planList.size();
                planCodes.put(p, code);
                planList.add(p);
                planLabelOf.add(planLabels.code(p.planName()));
                p.components().keySet().forEach(this::component);
            }
            return code;
        }

        private int component(String type) {
            Integer c = componentCodes.get(type);
            if (c == null) {
                c = componentNames.size();
                componentCodes.put(type, c);
                componentNames.add(type);
            }
            return c;
        }

        private int aiSetCode(List<String> values) {
            List<String> key = values.isEmpty() ? List.of(NO_AI_TECH) : values.stream().distinct().sorted().toList();
            Integer code = aiSetCodes.get(key);
            if (code == null) {
                code = aiSetList.size();
                aiSetCodes.put(key, code);
                aiSetList.add(key.stream().mapToInt(aiValues::code).toArray());
            }
            return code;
        }

        /** Adds the month's usage of one component; a later fact for the same resource, component and month replaces an earlier one. */
        public Builder addUsage(UsageFact u) {
            return addUsage(u.resourceId(), u.component(), epochMonth(u.month()), u.usage());
        }

        /** Adds the usage of one component in an epoch month, as {@link #addUsage(UsageFact)} does. */
        public Builder addUsage(String resourceId, String componentType, int epochMonth, BigDecimal usage) {
            Objects.requireNonNull(usage, "usage");
            int s = usage.scale();
            if (s >= 0 && s <= ScaledLongs.MAX_SCALE && usage.unscaledValue().bitLength() < 64) {
                return addUsage(resourceId, componentType, epochMonth, usage.unscaledValue().longValue(), s);
            }
            int k = appendUsage(resourceId, componentType, epochMonth);
            usageScale[k] = ScaledLongs.NO_FIT;
            usageBigValue.put(k, usage);
            return this;
        }

        /**
         * Adds the usage {@code unscaled × 10^-scale} of one component in an epoch month, as
         * {@link #addUsage(UsageFact)} does, without a {@code BigDecimal} per record.
         */
        public Builder addUsage(String resourceId, String componentType, int epochMonth, long unscaled, int scale) {
            if (scale < 0 || scale > ScaledLongs.MAX_SCALE) {
                return addUsage(resourceId, componentType, epochMonth, BigDecimal.valueOf(unscaled, scale));
            }
            int k = appendUsage(resourceId, componentType, epochMonth);
            usageUnscaled[k] = unscaled;
            usageScale[k] = (byte) scale;
            return this;
        }

        /** Makes room for {@code more} usages beyond those added, so millions of them are not copied while the columns grow. */
        public Builder expectUsages(int more) {
            if (usages + more > usageResource.length) {
                growUsages(usages + more);
            }
            return this;
        }

        private void growUsages(int cap) {
            usageResource = Arrays.copyOf(usageResource, cap);
            usageMonth = Arrays.copyOf(usageMonth, cap);
            usageComp = Arrays.copyOf(usageComp, cap);
            usageUnscaled = Arrays.copyOf(usageUnscaled, cap);
            usageScale = Arrays.copyOf(usageScale, cap);
        }

        private int appendUsage(String resourceId, String componentType, int epochMonth) {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(componentType, "component");
            if (usages == usageResource.length) {
                growUsages(usages * 2);
            }
            int k = usages++;
            Integer code = usageResourceCodes.get(resourceId);
            if (code == null) {
                code = usageResourceIds.size();
                usageResourceCodes.put(resourceId, code);
                usageResourceIds.add(resourceId);
            }
            usageResource[k] = code;
            usageMonth[k] = epochMonth;
            usageComp[k] = component(componentType);
            return k;
        }

        /** The value of usage {@code k} as added. */
        private BigDecimal usageValue(int k) {
            byte s = usageScale[k];
            return s == ScaledLongs.NO_FIT ? usageBigValue.get(k) : BigDecimal.valueOf(usageUnscaled[k], s);
        }

        /** Adds one order. */
        public Builder addOrder(OrderFact o) {
            orders.add(o);
            return this;
        }

        /** Adds a finding made while assembling the facts. */
        public Builder addFinding(Finding f) {
            findings.add(f);
            return this;
        }

        /** Joins usages and orders to their allocations and freezes the data. */
        public Dataset build() {
            Map<String, Integer> byId = new HashMap<>();
            if (usages > 0 || !orders.isEmpty()) {
                for (int i = 0; i < size; i++) {
                    byId.put(resourceIds[i], i);
                }
            }
            int[] allocOfResource = new int[usageResourceIds.size()];
            for (int r = 0; r < allocOfResource.length; r++) {
                Integer alloc = byId.get(usageResourceIds.get(r));
                allocOfResource[r] = alloc == null ? -1 : alloc;
            }
            usageAlloc = new int[usages];
            for (int k = 0; k < usages; k++) {
                usageAlloc[k] = allocOfResource[usageResource[k]];
                if (usageAlloc[k] < 0) {
                    String resource = usageResourceIds.get(usageResource[k]);
                    findings.add(new Finding(FindingKind.USAGE_WITHOUT_ALLOCATION, resource,
                            "usage of " + componentNames.get(usageComp[k]) + " in " + month(usageMonth[k])
                                    + " reported for resource " + resource + ", which is not in the data"));
                }
            }
            // by allocation, month and component; one record per key: the one added last wins
            int[] sorted = Grouping.order(usages, usageAlloc, size, usageMonth, usageComp);
            int kept = 0;
            for (int j = 0; j < sorted.length; j++) {
                int k = sorted[j];
                if (kept > 0) {
                    int prev = sorted[kept - 1];
                    if (usageAlloc[prev] == usageAlloc[k] && usageMonth[prev] == usageMonth[k] && usageComp[prev] == usageComp[k]) {
                        sorted[kept - 1] = k;
                        continue;
                    }
                }
                sorted[kept++] = k;
            }
            int[] usageOrder = kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
            int[] orderAlloc = new int[orders.size()];
            for (int j = 0; j < orders.size(); j++) {
                OrderFact o = orders.get(j);
                Integer alloc = o.resourceId() == null ? null : byId.get(o.resourceId());
                orderAlloc[j] = alloc == null ? -1 : alloc;
                if (alloc == null) {
                    findings.add(new Finding(FindingKind.ORDER_WITHOUT_RESOURCE, o.orderId(),
                            o.type().label() + " order " + o.orderId() + " refers to resource "
                                    + (o.resourceId() == null ? "(none)" : o.resourceId()) + ", which is not in the data"));
                }
            }
            return new Dataset(this, usageOrder, orderAlloc);
        }

        private static int day(Instant at) {
            return (int) LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay();
        }

        private static String keyOf(String id, String name) {
            return id != null ? Dictionary.ID_PREFIX + id : "name:" + (name == null ? "" : name);
        }

        private static String labelOf(String name, String id) {
            return name != null ? name : id != null ? id : "(unknown)";
        }
    }
}
