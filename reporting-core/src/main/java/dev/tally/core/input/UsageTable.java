package dev.tally.core.input;

import dev.tally.core.dataset.Codes;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.dataset.Grouping;
import dev.tally.core.dataset.LatestPerKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Component-usage reports in column form: resource and component as codes, the billing month as an
 * epoch month ({@link Dataset#epochMonth}), the report time as seconds and nanoseconds, and the usage
 * as an unscaled {@code long} with its scale. A snapshot holds millions of reports; this keeps them
 * at about 30 bytes each instead of a record, a {@code BigDecimal} and an {@code Instant} apiece.
 *
 * <p>Usages are exact: a value whose unscaled digits or scale do not fit ({@link #add(String, String,
 * int, BigDecimal, Instant)} decides) is kept as the {@code BigDecimal} it is, with the same value and
 * scale. Not thread-safe.
 *
 * <p>The table only stores reports; which of them count is {@link UsageCounting}'s rule (docs/definitions.md, "Usage
 * and utilisation"), which reads them through the package-private row accessors here.
 */
public final class UsageTable {
    /** {@link #scale} of a usage kept in {@link #big}. */
    private static final byte BIG = Byte.MIN_VALUE;
    /** {@link #reportedNano} of a report without a time. */
    private static final int NO_TIME = LatestPerKey.NO_TIME;

    private final Codes<String> resourceIds = new Codes<>();
    private final Codes<String> components = new Codes<>();
    private final Map<Integer, BigDecimal> big = new HashMap<>();

    private int size;
    private int[] resource;
    private int[] component;
    private int[] month;
    private long[] reportedSecond;
    private int[] reportedNano;
    private long[] unscaled;
    private byte[] scale;
    // the record's UUID as two longs; both 0 when it has none
    private long[] idHigh;
    private long[] idLow;

    /** An empty table. */
    public UsageTable() {
        this(16);
    }

    /** An empty table with room for {@code expected} reports (it grows beyond them when needed). */
    public UsageTable(int expected) {
        int capacity = Math.max(expected, 16);
        resource = new int[capacity];
        component = new int[capacity];
        month = new int[capacity];
        reportedSecond = new long[capacity];
        reportedNano = new int[capacity];
        unscaled = new long[capacity];
        scale = new byte[capacity];
        idHigh = new long[capacity];
        idLow = new long[capacity];
    }

    /** A table of these records, in their order. */
    public static UsageTable of(List<UsageInput> usages) {
        UsageTable t = new UsageTable(usages.size());
        usages.forEach(t::add);
        return t;
    }

    /**
     * The table as its columns, for keeping it elsewhere (report-cli's snapshot cache): the arrays are the table's
     * own, not copies, and hold {@link #size()} rows (they may be longer); do not change them.
     */
    public Columns columns() {
        return new Columns(size, List.copyOf(resourceIds.values()), List.copyOf(components.values()), resource, component,
                month, reportedSecond, reportedNano, unscaled, scale, idHigh, idLow, Map.copyOf(big));
    }

    /**
     * A table of these columns, the same as the table {@link #columns()} came from: the same rows in the same order,
     * the same codes. The arrays are taken, not copied. Throws {@link IllegalArgumentException} when the columns do
     * not fit together (a column shorter than the size, a code without its value).
     */
    public static UsageTable of(Columns c) {
        UsageTable t = new UsageTable(0);
        int n = c.size();
        if (n < 0 || c.resource().length < n || c.component().length < n || c.month().length < n
                || c.reportedSecond().length < n || c.reportedNano().length < n || c.unscaled().length < n
                || c.scale().length < n || c.idHigh().length < n || c.idLow().length < n) {
            throw new IllegalArgumentException("usage columns shorter than their size " + n);
        }
        for (String r : c.resourceIds()) {
            t.resourceIds.code(r);
        }
        for (String x : c.components()) {
            t.components.code(x);
        }
        if (t.resourceIds.size() != c.resourceIds().size() || t.components.size() != c.components().size()) {
            throw new IllegalArgumentException("usage columns name a resource or component twice");
        }
        for (int k = 0; k < n; k++) {
            if (c.resource()[k] < 0 || c.resource()[k] >= t.resourceIds.size() || c.component()[k] < 0
                    || c.component()[k] >= t.components.size() || c.scale()[k] == BIG && !c.big().containsKey(k)) {
                throw new IllegalArgumentException("usage row " + k + " names a code or value the columns do not have");
            }
        }
        t.size = n;
        t.resource = c.resource();
        t.component = c.component();
        t.month = c.month();
        t.reportedSecond = c.reportedSecond();
        t.reportedNano = c.reportedNano();
        t.unscaled = c.unscaled();
        t.scale = c.scale();
        t.idHigh = c.idHigh();
        t.idLow = c.idLow();
        t.big.putAll(c.big());
        return t;
    }

    /**
     * A usage table's columns (see {@link UsageTable}): rows {@code 0 … size-1}; {@code resource} and {@code component}
     * are codes into {@code resourceIds} and {@code components}; a row whose {@code scale} is {@code Byte.MIN_VALUE}
     * keeps its usage in {@code big}, by row.
     */
    public record Columns(int size, List<String> resourceIds, List<String> components, int[] resource, int[] component,
            int[] month, long[] reportedSecond, int[] reportedNano, long[] unscaled, byte[] scale, long[] idHigh,
            long[] idLow, Map<Integer, BigDecimal> big) {
    }

    /** Adds one record. */
    public void add(UsageInput u) {
        add(u.uuid(), u.resourceId(), u.component(), Dataset.epochMonth(YearMonth.from(u.billingPeriod())), u.usage(),
                u.reportedAt());
    }

    /**
     * Adds one report of {@code usage} for a resource, component and epoch month; {@code reportedAt}
     * (may be null) decides which of two reports for the same month wins.
     */
    public void add(String resourceId, String componentType, int epochMonth, BigDecimal usage, Instant reportedAt) {
        add(null, resourceId, componentType, epochMonth, usage, reportedAt);
    }

    /** The same, for the record with UUID {@code usageUuid} (null when it has none). */
    public void add(String usageUuid, String resourceId, String componentType, int epochMonth, BigDecimal usage,
            Instant reportedAt) {
        Objects.requireNonNull(usage, "usage");
        int s = usage.scale();
        if (s > Byte.MIN_VALUE && s <= Byte.MAX_VALUE && usage.unscaledValue().bitLength() < 64) {
            add(usageUuid, resourceId, componentType, epochMonth, usage.unscaledValue().longValue(), s, reportedAt);
        } else {
            int k = append(usageUuid, resourceId, componentType, epochMonth, reportedAt);
            scale[k] = BIG;
            big.put(k, usage);
        }
    }

    /**
     * Adds one report of the usage {@code unscaledUsage × 10^-usageScale}; the scale must lie in
     * {@code -127 … 127} (use the {@code BigDecimal} form otherwise).
     */
    public void add(String resourceId, String componentType, int epochMonth, long unscaledUsage, int usageScale,
            Instant reportedAt) {
        add(null, resourceId, componentType, epochMonth, unscaledUsage, usageScale, reportedAt);
    }

    /** The same, for the record with UUID {@code usageUuid} (null when it has none). */
    public void add(String usageUuid, String resourceId, String componentType, int epochMonth, long unscaledUsage,
            int usageScale, Instant reportedAt) {
        if (usageScale <= Byte.MIN_VALUE || usageScale > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("usage scale (" + usageScale + ") must lie in -127 … 127");
        }
        int k = append(usageUuid, resourceId, componentType, epochMonth, reportedAt);
        unscaled[k] = unscaledUsage;
        scale[k] = (byte) usageScale;
    }

    private int append(String usageUuid, String resourceId, String componentType, int epochMonth, Instant reportedAt) {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(componentType, "component");
        if (size == resource.length) {
            grow();
        }
        int k = size++;
        resource[k] = resourceIds.code(resourceId);
        component[k] = components.code(componentType);
        month[k] = epochMonth;
        setId(k, usageUuid);
        if (reportedAt == null) {
            reportedNano[k] = NO_TIME;
        } else {
            reportedSecond[k] = reportedAt.getEpochSecond();
            reportedNano[k] = reportedAt.getNano();
        }
        return k;
    }

    // 32 hex digits (hyphens allowed) as two longs; anything else counts as no UUID, so each such row is its own record
    private void setId(int k, String uuid) {
        idHigh[k] = 0;
        idLow[k] = 0;
        if (uuid == null) {
            return;
        }
        String hex = uuid.replace("-", "");
        if (hex.length() != 32) {
            return;
        }
        try {
            idHigh[k] = Long.parseUnsignedLong(hex.substring(0, 16), 16);
            idLow[k] = Long.parseUnsignedLong(hex.substring(16), 16);
        } catch (NumberFormatException e) {
            idHigh[k] = 0;
            idLow[k] = 0;
        }
    }

    private void grow() {
        int capacity = Math.max(16, resource.length * 2);
        resource = Arrays.copyOf(resource, capacity);
        component = Arrays.copyOf(component, capacity);
        month = Arrays.copyOf(month, capacity);
        reportedSecond = Arrays.copyOf(reportedSecond, capacity);
        reportedNano = Arrays.copyOf(reportedNano, capacity);
        unscaled = Arrays.copyOf(unscaled, capacity);
        scale = Arrays.copyOf(scale, capacity);
        idHigh = Arrays.copyOf(idHigh, capacity);
        idLow = Arrays.copyOf(idLow, capacity);
    }

    /**
     * Empties the table, letting its columns go: for a caller that has read the rows into a dataset and holds the table
     * no longer (at scale it is a hundred MB that the dataset's own columns would otherwise have to fit beside).
     */
    public void release() {
        size = 0;
        resource = new int[0];
        component = new int[0];
        month = new int[0];
        reportedSecond = new long[0];
        reportedNano = new int[0];
        unscaled = new long[0];
        scale = new byte[0];
        idHigh = new long[0];
        idLow = new long[0];
        big.clear();
        resourceIds.clear();
        components.clear();
    }

    /**
     * Lets the report times and record UUIDs go (more than half of the table), which only the counting reads: for a
     * caller that has counted the usages and will {@link #release} the table once their figures are in a dataset, so
     * the dataset's columns fill beside the values alone. Neither times nor UUIDs may be read afterwards.
     */
    void releaseVersions() {
        reportedSecond = new long[0];
        reportedNano = new int[0];
        idHigh = new long[0];
        idLow = new long[0];
    }

    /** How many reports there are. */
    public int size() {
        return size;
    }

    /** The resource UUID of report {@code k}. */
    public String resourceId(int k) {
        return resourceIds.value(resource[k]);
    }

    /** The component type of report {@code k}. */
    public String component(int k) {
        return components.value(component[k]);
    }

    /** The epoch month of report {@code k}. */
    public int epochMonth(int k) {
        return month[k];
    }

    /** The usage of report {@code k}, with the scale it was added with. */
    public BigDecimal usage(int k) {
        return scale[k] == BIG ? big.get(k) : BigDecimal.valueOf(unscaled[k], scale[k]);
    }

    /** When report {@code k} was made, or null. */
    public Instant reportedAt(int k) {
        return reportedNano[k] == NO_TIME ? null : Instant.ofEpochSecond(reportedSecond[k], reportedNano[k]);
    }

    /**
     * Adds every key's counted usage to a dataset builder, without a {@code BigDecimal} where it is one row's long, and
     * looking each resource and component up in the builder once rather than once per row.
     */
    void addTo(DatasetBuilder b, Counted counted) {
        int[] resourceIn = new int[resourceIds.size()];
        int[] componentIn = new int[components.size()];
        Arrays.fill(resourceIn, -1);
        Arrays.fill(componentIn, -1);
        for (int j = 0; j < counted.size(); j++) {
            int k = counted.row(j);
            int c = componentIn[component[k]];
            if (c < 0) {
                c = componentIn[component[k]] = b.usageComponent(component(k));
            }
            int r = resourceIn[resource[k]];
            if (r < 0) {
                r = resourceIn[resource[k]] = b.usageResource(resourceId(k));
            }
            BigDecimal sum = counted.sum(j);
            if (sum != null) {
                b.addUsage(r, c, month[k], sum);
            } else if (scale[k] == BIG) {
                b.addUsage(r, c, month[k], big.get(k));
            } else {
                b.addUsage(r, c, month[k], unscaled[k], scale[k]);
            }
        }
    }

    /** The usage that counts, one figure per key: {@link UsageCounting#counted} applied to this table. */
    Counted counted(PlanPeriodCount periods) {
        return UsageCounting.counted(this, periods);
    }

    /**
     * The rows grouped by resource, component and month (resource code, then component code, then month), each key's
     * rows in the order they were added.
     */
    int[] rowsByKey() {
        return Grouping.order(size, resource, resourceIds.size(), component, month);
    }

    /** True when reports {@code a} and {@code b} are for the same resource, component and month. */
    boolean sameKey(int a, int b) {
        return resource[a] == resource[b] && component[a] == component[b] && month[a] == month[b];
    }

    /** True when report {@code k}'s record has a UUID. */
    boolean hasId(int k) {
        return idHigh[k] != 0 || idLow[k] != 0;
    }

    /** True when reports {@code a} and {@code b} both have a UUID and it is the same one. */
    boolean sameId(int a, int b) {
        return hasId(a) && hasId(b) && idHigh[a] == idHigh[b] && idLow[a] == idLow[b];
    }

    /** True when report {@code a} was made before report {@code b}; a report without a time comes before any with one. */
    boolean reportedBefore(int a, int b) {
        if (reportedNano[a] == NO_TIME || reportedNano[b] == NO_TIME) {
            return reportedNano[a] == NO_TIME && reportedNano[b] != NO_TIME;
        }
        return reportedSecond[a] != reportedSecond[b] ? reportedSecond[a] < reportedSecond[b]
                : reportedNano[a] < reportedNano[b];
    }

    /** How many plan periods a resource had in an epoch month (1 when nothing says otherwise). */
    @FunctionalInterface
    interface PlanPeriodCount {
        PlanPeriodCount ONE = (resourceId, epochMonth) -> 1;

        int periods(String resourceId, int epochMonth);
    }

    /**
     * What {@link UsageCounting#counted} gives, per key {@code j}: a row of this table naming it, how many rows it had,
     * how many records count, and their sum when more than one does. Almost every key has one row, so only the others
     * are kept apart ({@code several}, by key): at two million keys that is one array instead of four.
     */
    record Counted(int[] rows, Map<Integer, Several> several) {
        /** A key with more than one row: {@code sum} is null when only one of them counts. */
        record Several(int reports, int kept, BigDecimal sum) {
        }

        /** How many keys there are. */
        int size() {
            return rows.length;
        }

        /** A row naming key {@code j} (the one that counts, or the latest of those that do). */
        int row(int j) {
            return rows[j];
        }

        /** How many rows key {@code j} had. */
        int reports(int j) {
            Several s = several.get(j);
            return s == null ? 1 : s.reports();
        }

        /** How many of them count. */
        int kept(int j) {
            Several s = several.get(j);
            return s == null ? 1 : s.kept();
        }

        /** The sum of the records that count when more than one does, otherwise null. */
        BigDecimal sum(int j) {
            Several s = several.isEmpty() ? null : several.get(j);
            return s == null ? null : s.sum();
        }

        /** The usage that counts for key {@code j}. */
        BigDecimal usage(UsageTable t, int j) {
            BigDecimal sum = sum(j);
            return sum != null ? sum : t.usage(rows[j]);
        }
    }
}
