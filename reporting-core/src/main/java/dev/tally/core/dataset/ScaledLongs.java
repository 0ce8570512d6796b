package dev.tally.core.dataset;

import java.math.BigDecimal;

/**
 * Exact decimals as {@code long}s at a fixed scale: {@code unscaled × 10^-scale}. Used where a query
 * adds up millions of decimals that almost always have few digits, so the sums need no
 * {@code BigDecimal} until the end. Every conversion is exact or refused.
 */
final class ScaledLongs {
    /** The largest scale kept as a {@code long}; 10^18 still fits. */
    static final int MAX_SCALE = 18;
    /** A scale meaning "does not fit, use {@code BigDecimal}". */
    static final byte NO_FIT = -1;
    /** What {@link #at} returns when the value does not fit; never a value itself. */
    static final long OVERFLOW = Long.MIN_VALUE;

    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1;
        for (int k = 1; k <= MAX_SCALE; k++) {
            POW10[k] = POW10[k - 1] * 10;
        }
    }

    private ScaledLongs() {
    }

    /** The scale of {@code v} when its unscaled value and scale fit a {@code long} at up to {@link #MAX_SCALE} digits, else {@link #NO_FIT}. */
    static byte scaleOf(BigDecimal v) {
        int s = v.scale();
        if (s < 0 || s > MAX_SCALE || v.precision() > MAX_SCALE) {
            return NO_FIT;
        }
        return (byte) s;
    }

    /**
     * {@code v} as a {@code long} at {@code scale} (at least {@code v.scale()}), or {@link #OVERFLOW}
     * when that does not fit. Call only when {@link #scaleOf} accepted {@code v}.
     */
    static long at(BigDecimal v, int scale) {
        long unscaled = v.unscaledValue().longValue();
        long factor = POW10[scale - v.scale()];
        long hi = Math.multiplyHigh(unscaled, factor);
        long lo = unscaled * factor;
        // the product fits when its high word is only the sign extension of the low word
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            return OVERFLOW;
        }
        return lo;
    }

    /** Whether a {@code long} unscaled value has at most {@link #MAX_SCALE} digits, as {@link #scaleOf} requires. */
    static boolean fits(long unscaled) {
        return unscaled > -POW10[MAX_SCALE] && unscaled < POW10[MAX_SCALE];
    }

    /**
     * {@code unscaled × 10^-scale} as a {@code long} at {@code target} (at least {@code scale}), or
     * {@link #OVERFLOW} when that does not fit.
     */
    static long at(long unscaled, int scale, int target) {
        long factor = POW10[target - scale];
        long hi = Math.multiplyHigh(unscaled, factor);
        long lo = unscaled * factor;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            return OVERFLOW;
        }
        return lo;
    }

    /** The decimal {@code unscaled × 10^-scale} with the given (smaller or equal) result scale; exact by construction. */
    static BigDecimal decimal(long unscaled, int scale, int resultScale) {
        return BigDecimal.valueOf(unscaled, scale).setScale(resultScale, java.math.RoundingMode.UNNECESSARY);
    }

    /** Whether {@code a + b} overflows. */
    static boolean addOverflows(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0;
    }
}
