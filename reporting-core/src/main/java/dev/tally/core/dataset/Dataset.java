package dev.tally.core.dataset;

import dev.tally.core.cost.PlanPrices;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountrySource;
import dev.tally.core.country.ShareKind;
import dev.tally.core.fact.AccessType;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.FieldOfScience;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.quality.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All facts of one snapshot in compact, column-wise form: one {@code int} code per allocation and
 * attribute (into a {@link Dictionary}), its {@link LimitSegments}, {@link UsageColumns} and orders,
 * and the plans' {@link PlanPrices}. Storage only: cost is computed in {@code dev.tally.core.cost},
 * findings are made in {@code dev.tally.core.quality}. A million allocations fit in well
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
    final Dictionary accessTypes;
    final Dictionary fields;
    final Dictionary planLabels;
    final PlanPrices prices;
    final int[] planLabel;
    final String[] componentNames;
    final Dictionary states;
    final Dictionary aiValues;
    final int[][] aiSets;
    final List<String> fieldCodes;

    final String[] resourceIds;
    final String[] resourceNames;
    final int[] project;
    final int[] customer;
    final int[] share;
    final byte[] countrySource;
    final int[] offering;
    final int[] accessType;
    final int[] field;
    final int[] state;
    final byte[] industry;
    final byte[] commercial;
    final byte[] training;
    final int[] aiSet;
    final int[] firstDay;
    final int[] lastDay;

    final LimitSegments segments;
    final WholeMonthCosts monthCosts;
    final UsageColumns usages;

    final Map<String, String> componentUnits;

    final List<OrderFact> orders;
    final int[] orderAllocation;
    final List<Finding> findings;

    /** Freezes what {@code b} collected; {@code byId} maps resource UUIDs to allocation indexes. */
    Dataset(DatasetBuilder b, Map<String, Integer> byId) {
        int n = b.size;
        this.asOf = b.asOf;
        List<String> comps = new ArrayList<>(b.components.values());
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
        Map<String, String> units = new java.util.TreeMap<>();
        b.componentUnits.forEach((type, set) -> units.put(type, String.join(" or ", set)));
        this.componentUnits = java.util.Collections.unmodifiableMap(units);
        this.projects = b.projects;
        this.customers = b.customers;
        this.shares = b.shares;
        this.shareKinds = b.shareKinds.toArray(new ShareKind[0]);
        this.offerings = b.offerings;
        this.accessTypes = b.accessTypes;
        this.fields = b.fields;
        this.planLabels = b.planLabels;
        this.prices = new PlanPrices(b.plans.values(), index);
        this.planLabel = b.planLabelOf.toArray();
        this.states = b.states;
        this.aiValues = b.aiValues;
        this.aiSets = b.aiSetList.toArray(new int[0][]);
        this.fieldCodes = Collections.unmodifiableList(new ArrayList<>(b.fieldCodes));
        this.resourceIds = b.resourceIds.toArray(n);
        this.resourceNames = b.resourceNames.toArray(n);
        this.project = b.project.toArray();
        this.customer = b.customer.toArray();
        this.share = b.share.toArray();
        this.countrySource = b.countrySource.toArray(n);
        this.offering = b.offering.toArray();
        this.accessType = b.accessType.toArray();
        this.field = b.field.toArray();
        this.state = b.state.toArray();
        this.industry = b.industry.toArray(n);
        this.commercial = b.commercial.toArray(n);
        this.training = b.training.toArray(n);
        this.aiSet = b.aiSet.toArray();
        this.firstDay = b.firstDay.toArray();
        this.lastDay = b.lastDay.toArray();
        this.segments = b.segments.build(comps.size());
        this.monthCosts = new WholeMonthCosts(segments, prices);
        this.usages = b.usages.build(byId, n, comps);
        this.orders = List.copyOf(b.orders);
        this.orderAllocation = new int[orders.size()];
        for (int j = 0; j < orders.size(); j++) {
            String resource = orders.get(j).resourceId();
            Integer alloc = resource == null ? null : byId.get(resource);
            orderAllocation[j] = alloc == null ? -1 : alloc;
        }
        this.findings = List.copyOf(b.findings);
    }

    /** A builder for a dataset whose "current month" is the month of {@code asOf}. */
    public static DatasetBuilder builder(LocalDate asOf) {
        return new DatasetBuilder(asOf);
    }

    /** A dataset of allocations only (no orders or usages), as of today's date in {@code asOf}. */
    public static Dataset of(List<AllocationFact> facts, LocalDate asOf) {
        DatasetBuilder b = builder(asOf);
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

    /**
     * Component type → the offerings' {@code measured_unit} for it, where any offering gives one; several different
     * units are joined with " or ", so a column that adds them up says so (docs/reports.md, "Units").
     */
    public Map<String, String> componentUnits() {
        return componentUnits;
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

    /** Access types ({@link AccessType}), including {@link AccessType#NONE}. */
    public Dictionary accessTypes() {
        return accessTypes;
    }

    /**
     * Fields of science, keyed by OECD code ({@code ""} for none), labelled as {@link FieldOfScience#label};
     * {@link Dictionary#id} gives no code back, so {@link #fieldCode} does.
     */
    public Dictionary fields() {
        return fields;
    }

    /** The OECD code of a field-of-science code, or null for {@link FieldOfScience#NONE}. */
    public String fieldCode(int fieldCode) {
        return fieldCodes.get(fieldCode);
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
        return prices.plan(planCode);
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

    /** The access-type code of allocation {@code i}, into {@link #accessTypes()}. */
    public int accessType(int i) {
        return accessType[i];
    }

    /** The field-of-science code of allocation {@code i}, into {@link #fields()}. */
    public int field(int i) {
        return field[i];
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
        return segments.segPlan[segments.on(i, day)];
    }

    /** The plan code of limit segment {@code k} (as returned by {@code Accrual.wholeMonthSegment}). */
    public int segmentPlan(int k) {
        return segments.segPlan[k];
    }

    /** The price table of the plan codes. */
    public PlanPrices prices() {
        return prices;
    }

    /** The allocations' limit segments. */
    public LimitSegments segments() {
        return segments;
    }

    /** The precomputed whole-month cost of each limit segment. */
    public WholeMonthCosts wholeMonthCosts() {
        return monthCosts;
    }

    /** The allocations' monthly usages. */
    public UsageColumns usages() {
        return usages;
    }

    /** The limits in force on {@code day} (the first limits before the allocation began), by component type. */
    public Map<String, BigDecimal> limitsOn(int i, int day) {
        int seg = segments.on(i, day);
        Map<String, BigDecimal> out = new HashMap<>();
        for (int l = segments.limitStart(seg); l < segments.limitEnd(seg); l++) {
            out.put(componentNames[segments.limComp[l]], segments.limValue[l]);
        }
        return out;
    }

    /** The component type of an internal component index. */
    public String componentName(int c) {
        return componentNames[c];
    }

    /** The first usage record of allocation {@code i}; its records run to {@link #usageEnd}. */
    public int usageStart(int i) {
        return usages.start[i];
    }

    /** One past the last usage record of allocation {@code i}. */
    public int usageEnd(int i) {
        return usages.start[i + 1];
    }

    /** The epoch month of usage record {@code k}. */
    public int usageMonth(int k) {
        return usages.month[k];
    }

    /** The internal component index of usage record {@code k}. */
    public int usageComponent(int k) {
        return usages.comp[k];
    }

    /** The usage of record {@code k} (the latest report of its month), with the scale it was reported with. */
    public BigDecimal usageValue(int k) {
        return usages.value(k);
    }

    /** The usages added for resources that are not allocations of the dataset, in the order added. */
    public List<UsageFact> unmatchedUsages() {
        return usages.unmatched;
    }

    /** Every order, in the order added. */
    public List<OrderFact> orders() {
        return orders;
    }

    /** The allocation index of order {@code j}, or -1 when its resource is not in the dataset. */
    public int orderAllocation(int j) {
        return orderAllocation[j];
    }

    /** Findings handed over with the facts when they were assembled (limit mismatches, duplicate usage reports, …). */
    public List<Finding> findings() {
        return findings;
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
}
