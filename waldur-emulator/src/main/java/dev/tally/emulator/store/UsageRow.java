package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One component usage record, rendered on demand; the resource, project and customer names are read from the live
 * resource, as Waldur joins them at read time.
 *
 * <p>Scale 20 holds about two million of these, so a row keeps primitives instead of the text it renders: the UUID
 * as two longs, timestamps as microseconds, an integral usage as a long. The row is about 90 bytes instead of about
 * 450 with its strings, BigDecimal and index keys, and generation no longer spends its time copying that garbage
 * through the young generation. The rendered text is unchanged: {@link Ids#hex} and {@link Ids#timestampMicros}
 * give exactly what the stored strings were.
 */
public final class UsageRow implements Row {
    /**
     * Waldur: ComponentUsage Meta.ordering = ("-date", "component__type"), then the UUID for a stable order. On
     * primitives, this is the order of the rendered text: fixed-width timestamps sort as their instants, and
     * lowercase 32-hex UUIDs as their two halves compared unsigned.
     */
    static final Comparator<UsageRow> DEFAULT_ORDER = (a, b) -> {
        int c = Long.compare(b.dateMicros, a.dateMicros);
        if (c != 0) {
            return c;
        }
        c = a.type.compareTo(b.type);
        if (c != 0) {
            return c;
        }
        c = Long.compareUnsigned(a.uuidHigh, b.uuidHigh);
        return c != 0 ? c : Long.compareUnsigned(a.uuidLow, b.uuidLow);
    };

    /**
     * Sorts generated rows into {@link #DEFAULT_ORDER}. A comparator sort of two million rows spent most of its time
     * on cache misses, fetching both rows for every comparison; this sorts packed primitives instead, each holding
     * the date and the row's position, and uses the comparator only among rows with the same date (the components
     * of one report). The result is the comparator's order, which is total, so it equals what the comparator sort
     * gave.
     */
    static List<UsageRow> sortedInDefaultOrder(List<UsageRow> rows) {
        int n = rows.size();
        if (n < 2) {
            return new ArrayList<>(rows);
        }
        long latest = Long.MIN_VALUE;
        long earliest = Long.MAX_VALUE;
        for (UsageRow row : rows) {
            latest = Math.max(latest, row.dateMicros);
            earliest = Math.min(earliest, row.dateMicros);
        }
        // A packed value is (latest - date) in the high bits and the row's position in the low ones; an ascending
        // sort then puts later dates first. When the span does not fit beside the position, its high part picks a
        // bucket (a counting sort) and the low part is packed.
        int positionBits = 64 - Long.numberOfLeadingZeros(n - 1);
        int fineBits = 63 - positionBits;
        long span = latest - earliest;
        if (span < 0) {
            List<UsageRow> sorted = new ArrayList<>(rows);
            sorted.sort(DEFAULT_ORDER);
            return sorted;
        }
        int buckets = (int) Math.min(Integer.MAX_VALUE - 8, (span >>> fineBits) + 1);
        if (buckets > n) {
            List<UsageRow> sorted = new ArrayList<>(rows);
            sorted.sort(DEFAULT_ORDER);
            return sorted;
        }
        long fineMask = fineBits == 63 ? Long.MAX_VALUE : (1L << fineBits) - 1;
        int[] starts = new int[buckets + 1];
        for (UsageRow row : rows) {
            starts[(int) ((latest - row.dateMicros) >>> fineBits) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = java.util.Arrays.copyOf(starts, buckets);
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            long age = latest - rows.get(i).dateMicros;
            packed[next[(int) (age >>> fineBits)]++] = ((age & fineMask) << positionBits) | i;
        }
        for (int b = 0; b < buckets; b++) {
            java.util.Arrays.sort(packed, starts[b], starts[b + 1]);
        }
        long positionMask = (1L << positionBits) - 1;
        List<UsageRow> sorted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sorted.add(rows.get((int) (packed[i] & positionMask)));
        }
        // Rows with the same date are adjacent now, a run per report of two or three components; order each run
        // by type and UUID with an insertion sort, which for runs this short beats a general sort's setup.
        for (int i = 1; i < n; i++) {
            UsageRow row = sorted.get(i);
            int j = i - 1;
            while (j >= 0 && DEFAULT_ORDER.compare(sorted.get(j), row) > 0) {
                sorted.set(j + 1, sorted.get(j));
                j--;
            }
            sorted.set(j + 1, row);
        }
        return sorted;
    }

    private final long uuidHigh;
    private final long uuidLow;
    private final long createdMicros;
    private final JsonRow resource;
    private final String type;
    private final String name;
    private final String measuredUnit;
    private final LocalDate billingPeriod;
    private long dateMicros;
    // usage == null means the value is the integer usageUnits: the generator only reports whole numbers.
    private long usageUnits;
    private BigDecimal usage;
    private String description;
    private boolean recurring;
    // the plan period's UUID; null for a generated row, which belongs to its resource's first period. Waldur's
    // ComponentUsage has the plan_period, but the usage list does not show it.
    private String planPeriod;

    /**
     * A usage reported at run time.
     *
     * @param uuid    32 lowercase hex digits, as {@link Ids#uuid} makes them
     * @param created a timestamp as {@link Ids#timestamp} formats it
     * @param date    a timestamp as {@link Ids#timestamp} formats it
     */
    UsageRow(String uuid, String created, JsonRow resource, String type, String name, String measuredUnit,
                    LocalDate billingPeriod, BigDecimal usage, String date, String description, boolean recurring,
                    String planPeriod) {
        this(Ids.hexHalf(uuid, 0), Ids.hexHalf(uuid, 1), parseMicros(created), resource, type, name, measuredUnit,
                billingPeriod, 0, parseMicros(date), description, recurring);
        setUsage(usage);
        this.planPeriod = resource != null && PlanPeriods.isFirst(resource.uuid(), planPeriod) ? null : planPeriod;
        if (!uuid().equals(uuid)) {
            throw new IllegalArgumentException("uuid (" + uuid + ") must be 32 lowercase hex digits");
        }
    }

    /** A generated usage of {@code usageUnits} whole units; the strings are shared with the resource's components. */
    UsageRow(long uuidHigh, long uuidLow, long createdMicros, JsonRow resource, String type, String name,
             String measuredUnit, LocalDate billingPeriod, long usageUnits, long dateMicros, String description,
             boolean recurring) {
        this.uuidHigh = uuidHigh;
        this.uuidLow = uuidLow;
        this.createdMicros = createdMicros;
        this.resource = resource;
        this.type = type;
        this.name = name;
        this.measuredUnit = measuredUnit;
        this.billingPeriod = billingPeriod;
        this.usageUnits = usageUnits;
        this.dateMicros = dateMicros;
        this.description = description;
        this.recurring = recurring;
    }

    // Only Ids.timestamp text is stored, so parsing and formatting again must give the same text back.
    private static long parseMicros(String timestamp) {
        long micros = Ids.micros(Instant.parse(timestamp));
        if (!Ids.timestampMicros(micros).equals(timestamp)) {
            throw new IllegalArgumentException("timestamp (" + timestamp + ") is not in Waldur's format");
        }
        return micros;
    }

    public JsonRow resource() {
        return resource;
    }

    public String type() {
        return type;
    }

    public LocalDate billingPeriod() {
        return billingPeriod;
    }

    public String date() {
        return Ids.timestampMicros(dateMicros);
    }

    /** The plan period it was reported for. */
    String planPeriod() {
        return planPeriod != null ? planPeriod : PlanPeriods.uuidOf(resource);
    }

    /** The plan period it was reported for when that is not its resource's first one, else null. */
    String laterPlanPeriod() {
        return planPeriod;
    }

    boolean recurring() {
        return recurring;
    }

    BigDecimal usage() {
        return usage != null ? usage : BigDecimal.valueOf(usageUnits);
    }

    String description() {
        return description;
    }

    /** Waldur's set_usage first marks every record of the resource, component and month as not recurring. */
    void stopRecurring() {
        recurring = false;
    }

    /** Replaces the reported value: set_usage upserts per resource, component and month. */
    void overwrite(BigDecimal newUsage, String newDate, String newDescription, boolean newRecurring) {
        long newDateMicros = parseMicros(newDate);
        setUsage(newUsage);
        this.dateMicros = newDateMicros;
        this.description = newDescription;
        this.recurring = newRecurring;
    }

    // The 8.0.5 schema and the docs show usage as a JSON integer; keep fractions only when a client reported them.
    private void setUsage(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            usageUnits = stripped.longValueExact();
            usage = null;
        } else {
            usage = value;
        }
    }

    @Override
    public String uuid() {
        return Ids.hex(uuidHigh, uuidLow);
    }

    @Override
    public JsonNode get(String field) {
        return switch (field) {
            case "uuid" -> Json.NODES.textNode(uuid());
            case "created" -> Json.NODES.textNode(Ids.timestampMicros(createdMicros));
            case "description" -> Json.NODES.textNode(description);
            case "type" -> Json.NODES.textNode(type);
            case "name" -> Json.NODES.textNode(name);
            case "measured_unit" -> Json.NODES.textNode(measuredUnit);
            case "usage" -> usageNode();
            case "date" -> Json.NODES.textNode(date());
            case "recurring" -> Json.NODES.booleanNode(recurring);
            case "billing_period" -> Json.NODES.textNode(billingPeriod.toString());
            case "resource" -> resource.get("url");
            case "resource_uuid" -> resource.get("uuid");
            case "resource_name" -> resource.get("name");
            case "offering_uuid", "offering_name", "provider_uuid", "project_uuid", "project_name", "customer_uuid", "customer_name" ->
                    resource.get(field);
            case "modified_by" -> Json.NODES.nullNode();
            default -> null;
        };
    }

    private JsonNode usageNode() {
        if (usage == null) {
            return Json.NODES.numberNode(BigInteger.valueOf(usageUnits));
        }
        BigDecimal stripped = usage.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return Json.NODES.numberNode(stripped.toBigIntegerExact());
        }
        return Json.NODES.numberNode(stripped);
    }

    @Override
    public ObjectNode render() {
        // 32 slots hold the 19 fields without the rehash a default map makes at the 13th; a harvest renders every row.
        ObjectNode node = new ObjectNode(Json.NODES, new LinkedHashMap<>(32));
        for (String field : FIELDS) {
            node.set(field, get(field));
        }
        return node;
    }

    private static final String[] FIELDS = {
        "uuid", "created", "description", "type", "name", "measured_unit", "usage", "date", "recurring",
        "resource_name", "resource_uuid", "offering_name", "offering_uuid", "project_name", "project_uuid",
        "customer_name", "customer_uuid", "billing_period", "modified_by"
    };
}
