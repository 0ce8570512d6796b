package dev.tally.core.dataset;

import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.ShareKind;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.FieldOfScience;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.UsageFact;
import dev.tally.core.quality.Finding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Collects facts into a {@link Dataset}: encodes each allocation's attributes into dictionary codes as it
 * arrives, grows the columns, and at {@link #build} joins usages and orders to their allocations (by
 * resource UUID). Add allocations before the orders and usages that refer to them, or in any order.
 * Made by {@link Dataset#builder}; the dataset reads its columns when it is built.
 */
public final class DatasetBuilder {
    final LocalDate asOf;
    final Codes<String> components = new Codes<>();
    final Dictionary projects = new Dictionary();
    final Dictionary customers = new Dictionary();
    final Dictionary shares = new Dictionary();
    final List<ShareKind> shareKinds = new ArrayList<>();
    final Dictionary offerings = new Dictionary();
    final Dictionary accessTypes = new Dictionary();
    final Dictionary fields = new Dictionary();
    final List<String> fieldCodes = new ArrayList<>();
    final Dictionary planLabels = new Dictionary();
    final Codes<PriceList> plans = new Codes<>();
    final IntList planLabelOf = new IntList();
    final Dictionary states = new Dictionary();
    final Dictionary aiValues = new Dictionary();
    final Codes<List<String>> aiSets = new Codes<>();
    final List<int[]> aiSetList = new ArrayList<>();
    final Map<BigDecimal, BigDecimal> decimals = new HashMap<>();
    final Map<String, Set<String>> componentUnits = new HashMap<>();

    int size;
    final GrowingArray<String[]> resourceIds = new GrowingArray<>(String[]::new);
    final GrowingArray<String[]> resourceNames = new GrowingArray<>(String[]::new);
    final IntList project = new IntList();
    final IntList customer = new IntList();
    final IntList share = new IntList();
    final GrowingArray<byte[]> countrySource = new GrowingArray<>(byte[]::new);
    final IntList offering = new IntList();
    final IntList accessType = new IntList();
    final IntList field = new IntList();
    final IntList state = new IntList();
    final GrowingArray<byte[]> industry = new GrowingArray<>(byte[]::new);
    final GrowingArray<byte[]> commercial = new GrowingArray<>(byte[]::new);
    final GrowingArray<byte[]> training = new GrowingArray<>(byte[]::new);
    final IntList aiSet = new IntList();
    final IntList firstDay = new IntList();
    final IntList lastDay = new IntList();
    final LimitSegments.Builder segments = new LimitSegments.Builder();
    final UsageColumns.Builder usages = new UsageColumns.Builder();

    final List<OrderFact> orders = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    DatasetBuilder(LocalDate asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        aiValues.code(Dataset.NO_AI_TECH);
    }

    /** Adds one allocation. */
    public DatasetBuilder add(AllocationFact f) {
        int i = size++;
        resourceIds.at(i)[i] = f.resourceId();
        resourceNames.at(i)[i] = f.resourceName();
        project.add(projects.code(keyOf(f.projectId(), f.projectName()), labelOf(f.projectName(), f.projectId())));
        customer.add(customers.code(keyOf(f.customerId(), f.customerName()), labelOf(f.customerName(), f.customerId())));
        CountryShare s = f.share();
        int shareCode = shares.code(s.kind().ordinal() + ":" + s.name(), s.name());
        if (shareCode == shareKinds.size()) {
            shareKinds.add(s.kind());
        }
        share.add(shareCode);
        countrySource.at(i)[i] = (byte) s.source().ordinal();
        offering.add(offerings.code(keyOf(f.offeringId(), f.offeringName()), labelOf(f.offeringName(), f.offeringId())));
        accessType.add(accessTypes.code(f.accessType()));
        String fos = f.fieldOfScience();
        int fieldCode = fields.code(fos == null ? "" : fos, FieldOfScience.label(fos));
        if (fieldCode == fieldCodes.size()) {
            fieldCodes.add(fos);
        }
        field.add(fieldCode);
        state.add(states.code(f.state() == null ? "(unknown)" : f.state()));
        industry.at(i)[i] = (byte) f.options().isIndustry().ordinal();
        commercial.at(i)[i] = (byte) f.options().isCommercial().ordinal();
        training.at(i)[i] = (byte) f.options().isTraining().ordinal();
        aiSet.add(aiSetCode(f.options().usedAiTech()));
        int first = f.activeFrom() == null ? Dataset.NEVER : day(f.activeFrom());
        int last = Dataset.OPEN;
        if (f.activeUntil() != null) {
            LocalDate d = LocalDate.ofInstant(f.activeUntil(), ZoneOffset.UTC);
            boolean midnight = f.activeUntil().equals(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            last = (int) d.toEpochDay() - (midnight ? 1 : 0);
        }
        firstDay.add(first);
        lastDay.add(last);
        segments.allocation();
        addSegment(first, f.prices(), f.limits());
        for (LimitChange c : f.changes()) {
            addSegment(first == Dataset.NEVER ? Dataset.NEVER : Math.max(first, day(c.at())), c.prices(), c.limits());
        }
        return this;
    }

    private void addSegment(int from, PriceList prices, Map<String, BigDecimal> limits) {
        segments.segment(from, planCode(prices));
        limits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue() != null) {
                segments.limit(component(e.getKey()), decimals.computeIfAbsent(e.getValue(), v -> v));
            }
        });
    }

    private int planCode(PriceList p) {
        int known = plans.size();
        int code = plans.code(p);
        if (code == known) {
            planLabelOf.add(planLabels.code(p.planName()));
            p.components().keySet().forEach(this::component);
        }
        return code;
    }

    private int component(String type) {
        return components.code(type);
    }

    private int aiSetCode(List<String> values) {
        List<String> key = values.isEmpty() ? List.of(Dataset.NO_AI_TECH) : values.stream().distinct().sorted().toList();
        int code = aiSets.code(key);
        if (code == aiSetList.size()) {
            aiSetList.add(key.stream().mapToInt(aiValues::code).toArray());
        }
        return code;
    }

    /** Adds the month's usage of one component; a later fact for the same resource, component and month replaces an earlier one. */
    public DatasetBuilder addUsage(UsageFact u) {
        return addUsage(u.resourceId(), u.component(), Dataset.epochMonth(u.month()), u.usage());
    }

    /** Adds the usage of one component in an epoch month, as {@link #addUsage(UsageFact)} does. */
    public DatasetBuilder addUsage(String resourceId, String componentType, int epochMonth, BigDecimal usage) {
        Objects.requireNonNull(componentType, "component");
        usages.add(resourceId, component(componentType), epochMonth, usage);
        return this;
    }

    /**
     * Adds the usage {@code unscaled × 10^-scale} of one component in an epoch month, as
     * {@link #addUsage(UsageFact)} does, without a {@code BigDecimal} per record.
     */
    public DatasetBuilder addUsage(String resourceId, String componentType, int epochMonth, long unscaled, int scale) {
        if (scale < 0 || scale > ScaledLongs.MAX_SCALE) {
            return addUsage(resourceId, componentType, epochMonth, BigDecimal.valueOf(unscaled, scale));
        }
        Objects.requireNonNull(componentType, "component");
        usages.add(resourceId, component(componentType), epochMonth, unscaled, scale);
        return this;
    }

    /**
     * The code under which usages of resource {@code resourceId} are kept, for {@link #addUsage(int, int, int, long, int)}:
     * a caller adding millions of usage figures of a few thousand resources looks each resource up once, not per figure.
     */
    public int usageResource(String resourceId) {
        return usages.resource(resourceId);
    }

    /** The code of component {@code type}, for {@link #addUsage(int, int, int, long, int)}. */
    public int usageComponent(String type) {
        return component(Objects.requireNonNull(type, "component"));
    }

    /**
     * Adds a usage as {@link #addUsage(String, String, int, long, int)} does, for a resource coded by
     * {@link #usageResource} and a component coded by {@link #usageComponent}.
     */
    public DatasetBuilder addUsage(int resource, int component, int epochMonth, long unscaled, int scale) {
        if (scale < 0 || scale > ScaledLongs.MAX_SCALE) {
            return addUsage(resource, component, epochMonth, BigDecimal.valueOf(unscaled, scale));
        }
        usages.add(resource, checkedComponent(component), epochMonth, unscaled, scale);
        return this;
    }

    /** The same with the usage as a {@code BigDecimal}. */
    public DatasetBuilder addUsage(int resource, int component, int epochMonth, BigDecimal usage) {
        usages.add(resource, checkedComponent(component), epochMonth, usage);
        return this;
    }

    private int checkedComponent(int component) {
        if (component < 0 || component >= components.size()) {
            throw new IllegalArgumentException("no component has code " + component);
        }
        return component;
    }

    /** Makes room for {@code more} usages beyond those added, so millions of them are not copied while the columns grow. */
    public DatasetBuilder expectUsages(int more) {
        usages.expect(more);
        return this;
    }

    /** Records that an offering measures component {@code type} in {@code unit} (ignored when null or blank). */
    public DatasetBuilder componentUnit(String type, String unit) {
        if (type != null && unit != null && !unit.isBlank()) {
            componentUnits.computeIfAbsent(type, k -> new java.util.TreeSet<>()).add(unit.strip());
        }
        return this;
    }

    /** Adds one order. */
    public DatasetBuilder addOrder(OrderFact o) {
        orders.add(o);
        return this;
    }

    /** Adds a finding made while assembling the facts, for {@code DataQuality} to report with its own. */
    public DatasetBuilder addFinding(Finding f) {
        findings.add(f);
        return this;
    }

    /** Joins usages and orders to their allocations (by resource UUID) and freezes the data. */
    public Dataset build() {
        Map<String, Integer> byId = new HashMap<>();
        if (!usages.isEmpty() || !orders.isEmpty()) {
            for (int i = 0; i < size; i++) {
                byId.put(resourceIds.at(i)[i], i);
            }
        }
        return new Dataset(this, byId);
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
