package dev.tally.emulator.fault;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Parses a spec such as {@code 429:0.05,5xx:0.03,reset:0.02,slow:0.05,truncate:0.01,ratelimit:500} and draws a
 * fault per request from a seeded stream. Four kinds shape pages of lists ({@code count}, {@code loop},
 * {@code endless}, {@code repeat}: see {@link Fault}). Probabilities are cumulative in spec order, so a total of 1.0 or more
 * makes every request fail. Three entries are settings, not probabilities: {@code ratelimit:N} allows N requests
 * per second, {@code retry-after:none} (or {@code retry-after:SECONDS}, default 1) sets the header a 429 carries,
 * and {@code ties:shuffle} lists rows that tie under the ordering in a new order per request (docs/emulator.md,
 * "Unstable orderings and bare throttling").
 */
public final class FaultPlan {
    /** {@link #retryAfterSeconds()} when a 429 carries no {@code Retry-After} at all. */
    public static final int NO_RETRY_AFTER = -1;

    private final Map<Fault, Double> probabilities;
    private final int rateLimit;
    private final int retryAfterSeconds;
    private final TieShuffle ties;
    private final SplittableRandom random;
    private final SplittableRandom statusRandom;

    private FaultPlan(Map<Fault, Double> probabilities, int rateLimit, int retryAfterSeconds, boolean shuffleTies,
                      long seed) {
        this.probabilities = probabilities;
        this.rateLimit = rateLimit;
        this.retryAfterSeconds = retryAfterSeconds;
        this.ties = shuffleTies ? new TieShuffle(seed) : null;
        this.random = new SplittableRandom(seed);
        this.statusRandom = new SplittableRandom(seed + 1);
    }

    public static FaultPlan parse(String spec, long seed) {
        Map<Fault, Double> probabilities = new LinkedHashMap<>();
        int rateLimit = 0;
        int retryAfter = 1;
        boolean shuffleTies = false;
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] kv = part.strip().split(":");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("fault spec entry (" + part + ") must look like kind:value");
                }
                String kind = kv[0].strip().toLowerCase(Locale.ROOT);
                if (kind.equals("ratelimit")) {
                    rateLimit = Integer.parseInt(kv[1].strip());
                    if (rateLimit <= 0) {
                        throw new IllegalArgumentException("ratelimit (" + kv[1] + ") must be positive");
                    }
                    continue;
                }
                if (kind.equals("retry-after")) {
                    retryAfter = parseRetryAfter(kv[1].strip());
                    continue;
                }
                if (kind.equals("ties")) {
                    shuffleTies = parseTies(kv[1].strip());
                    continue;
                }
                double p = Double.parseDouble(kv[1].strip());
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException("fault probability (" + part + ") must be between 0 and 1");
                }
                Fault fault = switch (kind) {
                    case "429" -> Fault.THROTTLE;
                    case "5xx", "500" -> Fault.SERVER_ERROR;
                    case "reset" -> Fault.RESET;
                    case "slow" -> Fault.SLOW;
                    case "truncate" -> Fault.TRUNCATE;
                    case "count" -> Fault.COUNT;
                    case "loop" -> Fault.LOOP;
                    case "endless" -> Fault.ENDLESS;
                    case "repeat" -> Fault.REPEAT;
                    default -> throw new IllegalArgumentException("unknown fault kind (" + kind + "); use 429, 5xx, "
                            + "reset, slow, truncate, count, loop, endless, repeat, ratelimit, retry-after or ties");
                };
                probabilities.merge(fault, p, Double::sum);
            }
        }
        return new FaultPlan(probabilities, rateLimit, retryAfter, shuffleTies, seed);
    }

    private static int parseRetryAfter(String value) {
        if (value.equalsIgnoreCase("none")) {
            return NO_RETRY_AFTER;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("retry-after (" + value + ") must be none or a number of seconds");
    }

    private static boolean parseTies(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "shuffle" -> true;
            case "stable" -> false;
            default -> throw new IllegalArgumentException("ties (" + value + ") must be shuffle or stable");
        };
    }

    public static FaultPlan none() {
        return parse("", 0);
    }

    /** Draws the fault for the next request. */
    public synchronized Fault next() {
        if (probabilities.isEmpty()) {
            return Fault.NONE;
        }
        double roll = random.nextDouble();
        double cumulative = 0;
        for (Map.Entry<Fault, Double> entry : probabilities.entrySet()) {
            cumulative += entry.getValue();
            if (roll < cumulative) {
                return entry.getKey();
            }
        }
        return Fault.NONE;
    }

    /** 500, 502 or 503, evenly. */
    public synchronized int serverErrorStatus() {
        return new int[] {500, 502, 503}[statusRandom.nextInt(3)];
    }

    /** How far a {@link Fault#COUNT} moves {@code X-Result-Count}: +1 or -1, evenly. */
    public synchronized int countChange() {
        return statusRandom.nextBoolean() ? 1 : -1;
    }

    /** Whether a page past the end of a list links on instead of being 404 (the plan holds {@link Fault#ENDLESS}). */
    public boolean endlessLists() {
        return probabilities.containsKey(Fault.ENDLESS);
    }

    /** Seconds a 429 tells the client to wait, or {@link #NO_RETRY_AFTER} to send no {@code Retry-After}. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The per-request order of tied rows, or null when lists keep one order (the default). */
    public TieShuffle ties() {
        return ties;
    }

    /** Requests per second allowed by the proxy-style limiter, 0 when it is off. */
    public int rateLimit() {
        return rateLimit;
    }
}
