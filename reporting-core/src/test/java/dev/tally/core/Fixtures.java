package dev.tally.core;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared test data: the LUMI Common plan and short-hand allocation facts. */
public final class Fixtures {
    private Fixtures() {
    }

    /** LUMI's plan: unit price 0, cpu 0.1, gpu 0.5, storage 0.001 per k-hour and month (docs/definitions.md, "Cost"). */
    public static final PriceList LUMI_COMMON = PriceList.of("LUMI Common", BigDecimal.ZERO, List.of(
            new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1")),
            new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5")),
            new ComponentPrice("gb_k_hours", BillingType.LIMIT, new BigDecimal("0.001"))));

    /** Limits from alternating component names and amounts: {@code limits("cpu_k_hours", 3, "gpu_k_hours", 2)}. */
    public static Map<String, BigDecimal> limits(Object... pairs) {
        java.util.Map<String, BigDecimal> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
        }
        return m;
    }

    /** An allocation on LUMI Common in a country share, with optional limit changes. */
    public static AllocationFact allocation(String id, String project, String country, Map<String, BigDecimal> limits,
            String from, String until, LimitChange... changes) {
        return new AllocationFact(id, id, "OK", project, "Project " + project, "c-" + project, "Allocator " + project,
                "o-" + country, "LUMI " + country, CountryShare.country(country, CountrySource.NAME), LUMI_COMMON, limits,
                LumiOptions.NONE, from == null ? null : Instant.parse(from), until == null ? null : Instant.parse(until),
                List.of(changes));
    }

    /** A change to {@code limits} on LUMI Common at {@code at}. */
    public static LimitChange change(String at, Map<String, BigDecimal> limits) {
        return new LimitChange(Instant.parse(at), LUMI_COMMON, limits);
    }
}
