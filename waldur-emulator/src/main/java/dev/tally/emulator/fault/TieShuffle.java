package dev.tally.emulator.fault;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL returns rows that tie under {@code ORDER BY} in whatever order the plan produces, which may differ from
 * one query to the next. This imitates that for list requests: each request draws its own permutation of every run
 * of tied rows, from the dataset seed and a request counter, so a run of requests is reproducible but no two
 * requests need agree on which tied row comes first.
 */
public final class TieShuffle {
    private final long seed;
    private final AtomicLong requests = new AtomicLong();

    TieShuffle(long seed) {
        this.seed = seed;
    }

    /** The permutation source of the next list request. */
    public Random nextRequest() {
        long n = requests.getAndIncrement();
        // SplitMix64's finaliser: neighbouring counters give unrelated seeds.
        long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
