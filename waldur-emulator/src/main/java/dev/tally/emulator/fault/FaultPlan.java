package dev.tally.emulator.fault;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Parses a spec such as {@code 429:0.05,5xx:0.03,reset:0.02,slow:0.05,truncate:0.01,ratelimit:500} and draws a
 * fault per request from a seeded stream. Probabilities are cumulative in spec order, so a total of 1.0 or more
 * makes every request fail. {@code ratelimit:N} is not a probability: it allows N requests per second.
 */
public final class FaultPlan {
    private final Map<Fault, Double> probabilities;
    private final int rateLimit;
    private final SplittableRandom random;
    private final SplittableRandom statusRandom;

    private FaultPlan(Map<Fault, Double> probabilities, int rateLimit, long seed) {
        this.probabilities = probabilities;
        this.rateLimit = rateLimit;
        this.random = new SplittableRandom(seed);
        this.statusRandom = new SplittableRandom(seed + 1);
    }

    public static FaultPlan parse(String spec, long seed) {
        Map<Fault, Double> probabilities = new LinkedHashMap<>();
        int rateLimit = 0;
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
                    default -> throw new IllegalArgumentException("unknown fault kind (" + kind
                            + "); use 429, 5xx, reset, slow, truncate or ratelimit");
                };
                probabilities.merge(fault, p, Double::sum);
            }
        }
        return new FaultPlan(probabilities, rateLimit, seed);
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

    /** Requests per second allowed by the proxy-style limiter, 0 when it is off. */
    public int rateLimit() {
        return rateLimit;
    }
}
