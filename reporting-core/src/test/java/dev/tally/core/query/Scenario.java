package dev.tally.core.query;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.fact.UsageFact;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Random facts for property tests: allocations with limit changes, orders and usages in 2024–2026. */
record Scenario(List<AllocationFact> allocations, List<OrderFact> orders, List<UsageFact> usages) {
    static final PriceList COMMON = PriceList.of("p-common", "LUMI Common", dev.tally.core.cost.PlanUnit.MONTH,
            BigDecimal.ZERO, List.of(
                    new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1")),
                    new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5")),
                    new ComponentPrice("gb_k_hours", BillingType.LIMIT, new BigDecimal("0.001"))));
    static final PriceList BIG = PriceList.of("p-big", "LUMI Big", dev.tally.core.cost.PlanUnit.MONTH,
            new BigDecimal("1.5"), List.of(
                    new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.07")),
                    new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.45")),
                    new ComponentPrice("gb_k_hours", BillingType.USAGE, new BigDecimal("0.002"))));
    static final List<String> AI = List.of("Deep Learning", "Machine Learning", "Vision");
    private static final LocalDate START = LocalDate.of(2024, 6, 1);

    Dataset dataset() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2026, 1, 1));
        allocations.forEach(b::add);
        orders.forEach(b::addOrder);
        usages.forEach(b::addUsage);
        return b.build();
    }

    /** A scenario of one allocation and nothing else. */
    static Scenario single(AllocationFact f) {
        return new Scenario(List.of(f), List.of(), List.of());
    }

    static Scenario random(Random r, int size) {
        List<AllocationFact> facts = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        List<UsageFact> usages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "r" + i;
            int p = r.nextInt(6);
            CountryShare share = switch (r.nextInt(6)) {
                case 0 -> CountryShare.unassigned();
                case 1 -> CountryShare.nonShare("Object storage");
                case 2 -> CountryShare.country("Czech Republic", CountrySource.COUNTRY_FIELD);
                case 3 -> CountryShare.country("Finland", CountrySource.MAPPING);
                default -> CountryShare.country(r.nextBoolean() ? "Denmark" : "Finland", CountrySource.NAME);
            };
            String offering = share.name().equals("Object storage") ? "Object storage" : "LUMI " + share.name();
            PriceList plan = r.nextInt(3) == 0 ? BIG : COMMON;
            Instant from = r.nextInt(10) == 0 ? null : instant(r, 0, 540);
            Instant until = from == null || r.nextBoolean() ? null
                    : from.plusSeconds(3600L * (1 + r.nextInt(24 * 300)));
            List<LimitChange> changes = new ArrayList<>();
            if (from != null) {
                Instant at = from;
                for (int c = r.nextInt(3); c > 0; c--) {
                    at = at.plusSeconds(3600L * r.nextInt(24 * 120));
                    changes.add(new LimitChange(at, r.nextInt(4) == 0 ? (plan == BIG ? COMMON : BIG) : plan, limits(r)));
                }
            }
            List<String> ai = new ArrayList<>();
            for (String v : AI) {
                if (r.nextInt(3) == 0) {
                    ai.add(v);
                }
            }
            LumiOptions options = new LumiOptions(flag(r), flag(r), flag(r), ai);
            facts.add(new AllocationFact(id, "alloc " + id, r.nextInt(4) == 0 ? "Terminated" : "OK", "p" + p, "Project " + p,
                    "c" + p % 3, "Allocator " + p % 3, "o-" + offering, offering, share, plan, limits(r), options, from,
                    until, changes));
            for (int u = r.nextInt(4); u > 0; u--) {
                YearMonth m = YearMonth.from(START.plusDays(r.nextInt(600)));
                usages.add(new UsageFact(id, r.nextBoolean() ? "cpu_k_hours" : "gpu_k_hours", m,
                        new BigDecimal(r.nextInt(5000)).movePointLeft(2)));
            }
            for (int o = r.nextInt(3); o > 0; o--) {
                OrderState state = List.of(OrderState.DONE, OrderState.DONE, OrderState.REJECTED, OrderState.PENDING_PROVIDER)
                        .get(r.nextInt(4));
                Instant created = instant(r, 0, 600);
                orders.add(new OrderFact("o" + i + "-" + o, r.nextInt(20) == 0 ? "missing" : id,
                        OrderType.values()[r.nextInt(3)], state, r.nextInt(5) == 0 ? null : new BigDecimal(r.nextInt(3000)).movePointLeft(3),
                        null, created, state == OrderState.DONE ? created.plusSeconds(3600L * r.nextInt(100)) : null));
            }
        }
        return new Scenario(facts, orders, usages);
    }

    private static Instant instant(Random r, int fromDay, int days) {
        LocalDate d = START.plusDays(fromDay + r.nextInt(days));
        return d.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(r.nextInt(4) == 0 ? 0 : 60L * r.nextInt(24 * 60));
    }

    private static Map<String, BigDecimal> limits(Random r) {
        Map<String, BigDecimal> m = new TreeMap<>();
        m.put("cpu_k_hours", BigDecimal.valueOf(r.nextInt(200)));
        if (r.nextBoolean()) {
            m.put("gpu_k_hours", BigDecimal.valueOf(r.nextInt(20)));
        }
        if (r.nextBoolean()) {
            m.put("gb_k_hours", BigDecimal.valueOf(r.nextInt(1000)));
        }
        return m;
    }

    private static Flag flag(Random r) {
        return Flag.values()[r.nextInt(3)];
    }
}
