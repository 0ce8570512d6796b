package dev.tally.core.dataset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The limit segments of all allocations (docs/definitions.md, "Limits over time"): allocation {@code i}'s
 * segments are {@code first(i) … end(i)-1}; segment {@code k} is in force from day {@code from(k)}
 * under plan {@code plan(k)} with the limits {@code limitStart(k) … limitEnd(k)-1}. Limits are kept
 * as {@code BigDecimal}s and, where they fit, as {@code long}s at one scale per component, so sums
 * over many rows need no {@code BigDecimal} arithmetic. Immutable once built.
 */
public final class LimitSegments {
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

    private LimitSegments(Builder b, int components) {
        b.segStart.add(b.segFrom.size());
        this.segStart = b.segStart.toArray();
        this.segFrom = b.segFrom.toArray();
        this.segPlan = b.segPlan.toArray();
        b.limStart.add(b.limComp.size());
        this.limStart = b.limStart.toArray();
        this.limComp = b.limComp.toArray();
        this.limValue = b.limValue.toArray(new BigDecimal[0]);
        this.limCommonScale = new int[components];
        this.limScale = new byte[limValue.length];
        this.limScaled = new long[limValue.length];
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

    /** How many segments there are. */
    int count() {
        return segPlan.length;
    }

    /** The first segment of allocation {@code i}. */
    public int first(int i) {
        return segStart[i];
    }

    /** One past the last segment of allocation {@code i}. */
    public int end(int i) {
        return segStart[i + 1];
    }

    /** The epoch day from which segment {@code k} is in force. */
    public int from(int k) {
        return segFrom[k];
    }

    /** The plan code of segment {@code k}. */
    public int plan(int k) {
        return segPlan[k];
    }

    /** The first limit entry of segment {@code k}. */
    public int limitStart(int k) {
        return limStart[k];
    }

    /** One past the last limit entry of segment {@code k}. */
    public int limitEnd(int k) {
        return limStart[k + 1];
    }

    /** The component index of limit entry {@code l}. */
    public int component(int l) {
        return limComp[l];
    }

    /** The value of limit entry {@code l}. */
    public BigDecimal value(int l) {
        return limValue[l];
    }

    /** Whether limit entry {@code l} is also held as a {@code long}. */
    boolean fitsLong(int l) {
        return limScale[l] != ScaledLongs.NO_FIT;
    }

    /** The component index of every limit entry, for {@code CostCalculator.limitCharges}. Shared: do not modify. */
    public int[] components() {
        return limComp;
    }

    /** The value of every limit entry, for {@code CostCalculator.limitCharges}. Shared: do not modify. */
    public BigDecimal[] values() {
        return limValue;
    }

    /** The segment of allocation {@code i} in force on {@code day}, or its first segment when the day is before it began. */
    int on(int i, int day) {
        int seg = segStart[i];
        for (int k = segStart[i]; k < segStart[i + 1]; k++) {
            if (segFrom[k] <= day) {
                seg = k;
            }
        }
        return seg;
    }

    /** Collects segments allocation by allocation. */
    static final class Builder {
        private final IntList segStart = new IntList();
        private final IntList segFrom = new IntList();
        private final IntList segPlan = new IntList();
        private final IntList limStart = new IntList();
        private final IntList limComp = new IntList();
        private final List<BigDecimal> limValue = new ArrayList<>();

        /** Starts the segments of the next allocation. */
        void allocation() {
            segStart.add(segFrom.size());
        }

        /** Starts a segment of the current allocation; its limits follow with {@link #limit}. */
        void segment(int from, int plan) {
            segFrom.add(from);
            segPlan.add(plan);
            limStart.add(limComp.size());
        }

        /** Adds a limit to the current segment. */
        void limit(int component, BigDecimal value) {
            limComp.add(component);
            limValue.add(value);
        }

        LimitSegments build(int components) {
            return new LimitSegments(this, components);
        }
    }
}
