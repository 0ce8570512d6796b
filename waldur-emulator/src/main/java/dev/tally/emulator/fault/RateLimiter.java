package dev.tally.emulator.fault;

/**
 * The Puhuri reverse proxy's limiter as far as it was observed (docs/emulator.md, "Rate limiting"): {@code x-rate-limit-limit} and
 * {@code x-rate-limit-remaining} on every response, here over a fixed one-second window.
 */
public final class RateLimiter {
    private final int limit;
    private long windowStart = System.nanoTime();
    private int used;

    public RateLimiter(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** Takes one request from the window; returns the remaining count, or -1 when the window is exhausted. */
    public synchronized int acquire() {
        long now = System.nanoTime();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            return -1;
        }
        used++;
        return limit - used;
    }
}
