package dev.tally.core.dataset;

import dev.tally.core.fact.UsageFact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The monthly usages of all allocations in columns (docs/definitions.md, "Usage and utilisation"): allocation
 * {@code i}'s records are {@code start(i) … end(i)-1}, ordered by month and component, one per month
 * and component. Values are kept as {@code long}s at one scale per component where they fit, and as
 * the {@code BigDecimal} they are otherwise (almost never). Immutable once built.
 */
public final class UsageColumns {
    final int[] start;
    final int[] month;
    final int[] comp;
    /** Per component: the scale at which {@link #scaled} holds its usages (the largest scale among them). */
    final int[] commonScale;
    /** Per record: the value as a {@code long} at its component's common scale. */
    final long[] scaled;
    /** Per record: the value's own scale, or {@link ScaledLongs#NO_FIT} when it is in {@link #big}. */
    final byte[] scale;
    /** The values that do not fit a {@code long}, by record; almost always empty. */
    final Map<Integer, BigDecimal> big;
    /** The records whose resource is not an allocation of the dataset, in the order added. */
    final List<UsageFact> unmatched;

    private UsageColumns(int allocations, int records, int components, List<UsageFact> unmatched) {
        this.start = new int[allocations + 1];
        this.month = new int[records];
        this.comp = new int[records];
        this.commonScale = new int[components];
        this.scaled = new long[records];
        this.scale = new byte[records];
        this.big = new HashMap<>();
        this.unmatched = List.copyOf(unmatched);
    }

    /** The first usage record of allocation {@code i}. */
    public int start(int i) {
        return start[i];
    }

    /** One past the last usage record of allocation {@code i}. */
    public int end(int i) {
        return start[i + 1];
    }

    /** The epoch month of record {@code k}. */
    public int month(int k) {
        return month[k];
    }

    /** The component index of record {@code k}. */
    public int component(int k) {
        return comp[k];
    }

    /** The usage of record {@code k}, with the scale it was reported with. */
    public BigDecimal value(int k) {
        byte s = scale[k];
        return s == ScaledLongs.NO_FIT ? big.get(k) : ScaledLongs.decimal(scaled[k], commonScale[comp[k]], s);
    }

    /** Collects usage records by resource UUID; {@link #build} joins them to allocations. Not thread-safe. */
    static final class Builder {
        // resource as a code of resourceIds, value as unscaled long and scale (or in bigValue)
        private final Codes<String> resourceIds = new Codes<>();
        private int size;
        private int[] resource = new int[16];
        private int[] month = new int[16];
        private int[] comp = new int[16];
        private long[] unscaled = new long[16];
        private byte[] scale = new byte[16];
        private final Map<Integer, BigDecimal> bigValue = new HashMap<>();

        boolean isEmpty() {
            return size == 0;
        }

        /** Adds {@code usage}; kept as a long when its digits and scale allow. */
        void add(String resourceId, int component, int epochMonth, BigDecimal usage) {
            add(resource(resourceId), component, epochMonth, usage);
        }

        /** The same for a resource's code ({@link #resource}). */
        void add(int resourceCode, int component, int epochMonth, BigDecimal usage) {
            Objects.requireNonNull(usage, "usage");
            int s = usage.scale();
            if (s >= 0 && s <= ScaledLongs.MAX_SCALE && usage.unscaledValue().bitLength() < 64) {
                add(resourceCode, component, epochMonth, usage.unscaledValue().longValue(), s);
                return;
            }
            int k = append(resourceCode, component, epochMonth);
            scale[k] = ScaledLongs.NO_FIT;
            bigValue.put(k, usage);
        }

        /** Adds the usage {@code unscaled × 10^-scale}, scale within {@code 0 … ScaledLongs.MAX_SCALE}. */
        void add(String resourceId, int component, int epochMonth, long value, int valueScale) {
            add(resource(resourceId), component, epochMonth, value, valueScale);
        }

        /** The same for a resource's code ({@link #resource}). */
        void add(int resourceCode, int component, int epochMonth, long value, int valueScale) {
            int k = append(resourceCode, component, epochMonth);
            unscaled[k] = value;
            scale[k] = (byte) valueScale;
        }

        /** The code under which usages of {@code resourceId} are kept. */
        int resource(String resourceId) {
            return resourceIds.code(Objects.requireNonNull(resourceId, "resourceId"));
        }

        /** Makes room for {@code more} records, so millions of them are not copied while the columns grow. */
        void expect(int more) {
            if (size + more > resource.length) {
                grow(size + more);
            }
        }

        private void grow(int cap) {
            resource = Arrays.copyOf(resource, cap);
            month = Arrays.copyOf(month, cap);
            comp = Arrays.copyOf(comp, cap);
            unscaled = Arrays.copyOf(unscaled, cap);
            scale = Arrays.copyOf(scale, cap);
        }

        private int append(int resourceCode, int component, int epochMonth) {
            if (resourceCode < 0 || resourceCode >= resourceIds.size()) {
                throw new IllegalArgumentException("no usage resource has code " + resourceCode);
            }
            if (size == resource.length) {
                grow(size * 2);
            }
            int k = size++;
            resource[k] = resourceCode;
            month[k] = epochMonth;
            comp[k] = component;
            return k;
        }

        private BigDecimal valueOf(int k) {
            byte s = scale[k];
            return s == ScaledLongs.NO_FIT ? bigValue.get(k) : BigDecimal.valueOf(unscaled[k], s);
        }

        /**
         * Joins the records to allocations ({@code allocationOf} by resource UUID; {@code allocations} of
         * them) and keeps one per allocation, month and component: the one added last.
         */
        UsageColumns build(Map<String, Integer> allocationOf, int allocations, List<String> componentNames) {
            int[] allocOfResource = new int[resourceIds.size()];
            for (int r = 0; r < allocOfResource.length; r++) {
                Integer alloc = allocationOf.get(resourceIds.value(r));
                allocOfResource[r] = alloc == null ? -1 : alloc;
            }
            int[] alloc = new int[size];
            List<UsageFact> unmatched = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                alloc[k] = allocOfResource[resource[k]];
                if (alloc[k] < 0) {
                    unmatched.add(new UsageFact(resourceIds.value(resource[k]), componentNames.get(comp[k]),
                            Dataset.month(month[k]), valueOf(k)));
                }
            }
            int[] sorted = Grouping.order(size, alloc, allocations, month, comp);
            int kept = LatestPerKey.reduce(sorted, alloc, month, comp, null, null, null, null);
            int[] order = kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
            UsageColumns u = new UsageColumns(allocations, order.length, componentNames.size(), unmatched);
            for (int j = 0; j < order.length; j++) {
                int src = order[j];
                u.start[alloc[src] + 1]++;
                u.month[j] = month[src];
                u.comp[j] = comp[src];
            }
            for (int i = 0; i < allocations; i++) {
                u.start[i + 1] += u.start[i];
            }
            scale(u, order);
            return u;
        }

        /** Fills the scaled values of {@code u}: the usages as longs at one scale per component. */
        private void scale(UsageColumns u, int[] order) {
            // one gather in record order: the unscaled values are copied here and rescaled in place below, so the
            // second pass reads sequentially instead of jumping through the builder's columns again
            for (int j = 0; j < order.length; j++) {
                int src = order[j];
                byte s = scale[src];
                long v = unscaled[src];
                u.scaled[j] = v;
                u.scale[j] = s >= 0 && s <= ScaledLongs.MAX_SCALE && ScaledLongs.fits(v) ? s : ScaledLongs.NO_FIT;
                if (u.scale[j] != ScaledLongs.NO_FIT) {
                    u.commonScale[u.comp[j]] = Math.max(u.commonScale[u.comp[j]], s);
                }
            }
            for (int j = 0; j < order.length; j++) {
                if (u.scale[j] != ScaledLongs.NO_FIT) {
                    u.scaled[j] = ScaledLongs.at(u.scaled[j], u.scale[j], u.commonScale[u.comp[j]]);
                    if (u.scaled[j] == ScaledLongs.OVERFLOW) {
                        u.scale[j] = ScaledLongs.NO_FIT;
                    }
                }
                if (u.scale[j] == ScaledLongs.NO_FIT) {
                    u.scaled[j] = 0;
                    u.big.put(j, valueOf(order[j]));
                }
            }
        }
    }
}
