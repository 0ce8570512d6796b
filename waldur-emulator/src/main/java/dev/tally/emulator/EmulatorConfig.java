package dev.tally.emulator;

import dev.tally.emulator.store.Quirk;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for one emulator instance.
 *
 * @param port                 TCP port on 127.0.0.1; 0 picks an ephemeral port
 * @param seed                 seed of the generated dataset; the same seed and scale give byte-identical JSON
 * @param scale                multiplier for projects, resources, orders and usages (1 is about LUMI's size)
 * @param staffToken           40-hex DRF token of the staff user, who sees everything
 * @param faults               fault spec such as {@code 429:0.05,5xx:0.03,reset:0.02,slow:0.05,truncate:0.01}; empty for none.
 *                             It also carries the settings {@code ratelimit:N}, {@code retry-after:none|SECONDS} and
 *                             {@code ties:shuffle} (docs/emulator.md, "Unstable orderings and bare throttling")
 * @param orderProcessingDelay how long an approved order stays {@code executing} before it becomes {@code done}
 * @param asOf                 the emulator's "now": generated history ends here and runtime timestamps start here
 * @param quirks               ways the dataset is made as untidy as a real Waldur's (docs/emulator.md, "Untidy data"); none by default
 */
public record EmulatorConfig(int port, long seed, int scale, String staffToken, String faults,
                             Duration orderProcessingDelay, Instant asOf, Set<Quirk> quirks) {

    /** The staff token used when none is configured; fixed so examples and tests can hard-code it. */
    public static final String DEFAULT_STAFF_TOKEN = "5aff0000000000000000000000000000000000ff";

    public EmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port (" + port + ") must be between 0 and 65535");
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale (" + scale + ") must be at least 1");
        }
        Objects.requireNonNull(staffToken, "staffToken");
        if (!staffToken.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("staffToken (" + staffToken + ") must be 40 lowercase hex characters");
        }
        faults = faults == null ? "" : faults.strip();
        Objects.requireNonNull(orderProcessingDelay, "orderProcessingDelay");
        if (orderProcessingDelay.isNegative()) {
            throw new IllegalArgumentException("orderProcessingDelay (" + orderProcessingDelay + ") must not be negative");
        }
        Objects.requireNonNull(asOf, "asOf");
        quirks = quirks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(quirks));
    }

    /** Port 0, seed 42, scale 1, the default staff token, no faults, no processing delay, as of 2026-11-01. */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(0, 42L, 1, DEFAULT_STAFF_TOKEN, "", Duration.ZERO,
                Instant.parse("2026-11-01T00:00:00Z"), Set.of());
    }

    public EmulatorConfig withPort(int newPort) {
        return new EmulatorConfig(newPort, seed, scale, staffToken, faults, orderProcessingDelay, asOf, quirks);
    }

    public EmulatorConfig withSeed(long newSeed) {
        return new EmulatorConfig(port, newSeed, scale, staffToken, faults, orderProcessingDelay, asOf, quirks);
    }

    public EmulatorConfig withScale(int newScale) {
        return new EmulatorConfig(port, seed, newScale, staffToken, faults, orderProcessingDelay, asOf, quirks);
    }

    public EmulatorConfig withStaffToken(String newStaffToken) {
        return new EmulatorConfig(port, seed, scale, newStaffToken, faults, orderProcessingDelay, asOf, quirks);
    }

    public EmulatorConfig withFaults(String newFaults) {
        return new EmulatorConfig(port, seed, scale, staffToken, newFaults, orderProcessingDelay, asOf, quirks);
    }

    /** The fault spec with one more {@code kind:value} entry; a later entry of the same setting wins. */
    public EmulatorConfig withFault(String kind, String value) {
        String entry = kind.strip() + ":" + value.strip();
        return withFaults(faults.isEmpty() ? entry : faults + "," + entry);
    }

    /** Lists rows that tie under the ordering in a new order per request, as PostgreSQL may (off by default). */
    public EmulatorConfig withShuffledTies() {
        return withFault("ties", "shuffle");
    }

    public EmulatorConfig withOrderProcessingDelay(Duration newDelay) {
        return new EmulatorConfig(port, seed, scale, staffToken, faults, newDelay, asOf, quirks);
    }

    public EmulatorConfig withAsOf(Instant newAsOf) {
        return new EmulatorConfig(port, seed, scale, staffToken, faults, orderProcessingDelay, newAsOf, quirks);
    }

    /** The same, with {@code quirk} switched on as well. */
    public EmulatorConfig withQuirk(Quirk quirk) {
        Set<Quirk> more = EnumSet.of(quirk);
        more.addAll(quirks);
        return new EmulatorConfig(port, seed, scale, staffToken, faults, orderProcessingDelay, asOf, more);
    }
}
