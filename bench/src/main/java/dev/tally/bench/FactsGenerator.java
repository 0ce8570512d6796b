package dev.tally.bench;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Deterministic allocation facts for the aggregation benchmark: every fact is active for the whole
 * benchmark month, so its cost for that month is simply the plan estimate, which the pandas baseline
 * receives precomputed in its CSV.
 */
final class FactsGenerator {
    static final String[] COUNTRIES = {"Belgium", "Czech Republic", "Denmark", "Estonia", "Finland", "Iceland",
        "Norway", "Poland", "Sweden", "Switzerland"};
    static final PriceList PRICES = PriceList.of("LUMI Common", BigDecimal.ZERO, List.of(
            new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1")),
            new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5")),
            new ComponentPrice("gb_k_hours", BillingType.LIMIT, new BigDecimal("0.001"))));
    static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    private FactsGenerator() {
    }

    /** One fact as the CSV row the pandas baseline reads. */
    record Row(String country, String industry, String customer, String project, long cpu, long gpu, long gb) {
        BigDecimal cost() {
            return BigDecimal.valueOf(cpu).multiply(new BigDecimal("0.1"))
                    .add(BigDecimal.valueOf(gpu).multiply(new BigDecimal("0.5")))
                    .add(BigDecimal.valueOf(gb).multiply(new BigDecimal("0.001")));
        }
    }

    static void rows(int n, Consumer<Row> sink) {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            int c = random.nextInt(COUNTRIES.length);
            int flag = random.nextInt(3);
            sink.accept(new Row(COUNTRIES[c], flag == 0 ? "true" : flag == 1 ? "false" : "unknown",
                    "Allocator " + COUNTRIES[c] + " " + random.nextInt(3), "p" + random.nextInt(n / 4 + 1),
                    random.nextInt(100_000), random.nextInt(5_000), random.nextInt(200_000)));
        }
    }

    static AllocationFact fact(int i, Row r) {
        Flag industry = switch (r.industry()) {
            case "true" -> Flag.TRUE;
            case "false" -> Flag.FALSE;
            default -> Flag.UNKNOWN;
        };
        return new AllocationFact("r" + i, "r" + i, "OK", r.project(), r.project(), r.customer(), "LUMI " + r.country(),
                CountryShare.country(r.country(), CountrySource.NAME), PRICES,
                Map.of("cpu_k_hours", BigDecimal.valueOf(r.cpu()), "gpu_k_hours", BigDecimal.valueOf(r.gpu()),
                        "gb_k_hours", BigDecimal.valueOf(r.gb())),
                new LumiOptions(industry, Flag.UNKNOWN, Flag.UNKNOWN, List.of()), FROM, null);
    }
}
