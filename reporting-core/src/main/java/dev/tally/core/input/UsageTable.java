package dev.tally.core.input;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.Grouping;
import dev.tally.core.dataset.LatestPerKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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
 */
public final class UsageTable {
    /** {@link #scale} of a usage kept in {@link #big}. */
    private static final byte BIG = Byte.MIN_VALUE;
    /** {@link #reportedNano} of a report without a time. */
    private static final int NO_TIME = LatestPerKey.NO_TIME;

    private final Map<String, Integer> resourceCodes = new HashMap<>();
    private final List<String> resourceIds = new ArrayList<>();
    private final Map<String, Integer> componentCodes = new HashMap<>();
    private final List<String> components = new ArrayList<>();
    private final Map<Integer, BigDecimal> big = new HashMap<>();

    private int size;
    private int[] resource;
    private int[] component;
    private int[] month;
    private long[] reportedSecond;
    private int[] reportedNano;
    private long[] unscaled;
    private byte[] scale;

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
    }

    /** A table of these records, in their order. */
    public static UsageTable of(List<UsageInput> usages) {
        UsageTable t = new UsageTable(usages.size());
        usages.forEach(t::add);
        return t;
    }

    /** Adds one record. */
    public void add(UsageInput u) {
        add(u.resourceId(), u.component(), Dataset.epochMonth(YearMonth.from(u.billingPeriod())), u.usage(), u.reportedAt());
    }

    /**
     * Adds one report of {@code usage} for a resource, component and epoch month; {@code reportedAt}
     * (may be null) decides which of two reports for the same month wins.
     */
    public void add(String resourceId, String componentType, int epochMonth, BigDecimal usage, Instant reportedAt) {
        Objects.requireNonNull(usage, "usage");
        int s = usage.scale();
        if (s > Byte.MIN_VALUE && s <= Byte.MAX_VALUE && usage.unscaledValue().bitLength() < 64) {
            add(resourceId, componentType, epochMonth, usage.unscaledValue().longValue(), s, reportedAt);
        } else {
            int k = append(resourceId, componentType, epochMonth, reportedAt);
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
        if (usageScale <= Byte.MIN_VALUE || usageScale > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("usage scale (" + usageScale + ") must lie in -127 … 127");
        }
        int k = append(resourceId, componentType, epochMonth, reportedAt);
        unscaled[k] = unscaledUsage;
        scale[k] = (byte) usageScale;
    }

    private int append(String resourceId, String componentType, int epochMonth, Instant reportedAt) {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(componentType, "component");
        if (size == resource.length) {
            grow();
        }
        int k = size++;
        resource[k] = code(resourceCodes, resourceIds, resourceId);
        component[k] = code(componentCodes, components, componentType);
        month[k] = epochMonth;
        if (reportedAt == null) {
            reportedNano[k] = NO_TIME;
        } else {
            reportedSecond[k] = reportedAt.getEpochSecond();
            reportedNano[k] = reportedAt.getNano();
        }
        return k;
    }

    private static int code(Map<String, Integer> codes, List<String> values, String value) {
        Integer c = codes.get(value);
        if (c == null) {
            c = values.size();
            codes.put(value, c);
            values.add(value);
        }
        return c;
    }

    private void grow() {
        int capacity = resource.length * 2;
        resource = Arrays.copyOf(resource, capacity);
        component = Arrays.copyOf(component, capacity);
        month = Arrays.copyOf(month, capacity);
        reportedSecond = Arrays.copyOf(reportedSecond, capacity);
        reportedNano = Arrays.copyOf(reportedNano, capacity);
        unscaled = Arrays.copyOf(unscaled, capacity);
        scale = Arrays.copyOf(scale, capacity);
    }

    /** How many reports there are. */
    public int size() {
        return size;
    }

    /** The resource UUID of report {@code k}. */
    public String resourceId(int k) {
        return resourceIds.get(resource[k]);
    }

    /** The component type of report {@code k}. */
    public String component(int k) {
        return components.get(component[k]);
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

    /** Adds report {@code k}'s usage to a dataset builder without going through {@code BigDecimal} when it is a long. */
    void addTo(Dataset.Builder b, int k) {
        if (scale[k] == BIG) {
            b.addUsage(resourceId(k), component(k), month[k], big.get(k));
        } else {
            b.addUsage(resourceId(k), component(k), month[k], unscaled[k], scale[k]);
        }
    }

    /**
     * The reports that count, one per resource, component and month, in the order each of those keys
     * first appears: the latest report, where a report without a time loses to any later one and of two
     * at the same time the one added later wins (docs/definitions.md, "Usage and utilisation").
     */
    Latest latest() {
        int[] rows = Grouping.order(size, resource, resourceIds.size(), component, month);
        int[] firsts = new int[rows.length];
        int[] counts = new int[rows.length];
        int groups = LatestPerKey.reduce(rows, resource, component, month, reportedSecond, reportedNano, firsts, counts);
        // rows of one key arrive in ascending order, so a key's first row is where it first appears
        int[] keyAt = new int[size];
        Arrays.fill(keyAt, -1);
        for (int j = 0; j < groups; j++) {
            keyAt[firsts[j]] = j;
        }
        int[] winners = new int[groups];
        int[] reports = new int[groups];
        int n = 0;
        for (int k = 0; k < size; k++) {
            if (keyAt[k] >= 0) {
                winners[n] = rows[keyAt[k]];
                reports[n++] = counts[keyAt[k]];
            }
        }
        return new Latest(winners, reports);
    }

    /** The winning report of each key, and how many reports the key had. */
    record Latest(int[] rows, int[] reports) {
    }
}
