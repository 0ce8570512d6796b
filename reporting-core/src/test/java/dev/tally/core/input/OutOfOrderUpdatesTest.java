package dev.tally.core.input;

import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An Update ordered later can complete earlier (the first one waited longer for review): the limit history follows
 * completion times, whatever order the orders were created or listed in (docs/definitions.md).
 */
class OutOfOrderUpdatesTest {
    /** LUMI Common: 0.1 per CPU k-hour a month, no unit price. */
    private static final SourceData SNAPSHOT = new SourceData(
            List.of(new OfferingInput("od", "LUMI Denmark", null, "deic", "DeiC", Snapshots.LUMI_COMPONENTS,
                    List.of(Snapshots.lumiCommon("pl1")))),
            List.of(Snapshots.resource("r7", "od", "LUMI Denmark", "pl1", limits("cpu_k_hours", 30),
                    "2025-01-01T00:00:00Z", LumiOptions.NONE)),
            // Listed by creation, as a harvest stores them: A before B.
            List.of(order("create", OrderType.CREATE, 10, "2024-12-31T12:00:00Z", "2025-01-01T00:00:00Z"),
                    order("update-a", OrderType.UPDATE, 30, "2025-03-01T08:00:00Z", "2025-03-21T00:00:00Z"),
                    order("update-b", OrderType.UPDATE, 20, "2025-03-05T08:00:00Z", "2025-03-11T00:00:00Z")),
            List.of());

    private final FactAssembler assembler = new FactAssembler(CountryResolver.standard(), FactAssemblerTest.APRIL_15);

    private static OrderInput order(String uuid, OrderType type, int cpu, String created, String completed) {
        return new OrderInput(uuid, type, OrderState.DONE, null, limits("cpu_k_hours", cpu), "pl1", "od", "r7",
                Instant.parse(created), Instant.parse(completed));
    }

    private BigDecimal cost(String month) {
        Dataset data = assembler.assemble(SNAPSHOT);
        return (BigDecimal) QueryEngine.run(data, Query.builder(Period.parse(month)).dimensions("project")
                .measures("cost").grandTotal(false).build()).rows().get(0).get(1);
    }

    @Test
    void limitsChangeInTheOrderTheUpdatesCompleted() {
        AllocationFact fact = assembler.facts(SNAPSHOT).allocations().get(0);

        assertThat(fact.changes()).extracting(LimitChange::at).containsExactly(
                Instant.parse("2025-03-11T00:00:00Z"), Instant.parse("2025-03-21T00:00:00Z"));
        assertThat(fact.changes()).extracting(c -> c.limits().get("cpu_k_hours").intValue()).containsExactly(20, 30);
        // The update created last (B, 20) is not the one in force: A completed after it.
        assertThat(fact.currentLimits()).isEqualTo(Map.of("cpu_k_hours", new BigDecimal(30)));
        assertThat(assembler.facts(SNAPSHOT).findings()).isEmpty();
    }

    @Test
    void theMonthOfTheUpdatesIsCostedDayByDayAtTheCompletedLimits() {
        // 1-10 March at 10, 11-20 at 20, 21-31 at 30: (10×1.0 + 10×2.0 + 11×3.0) / 31 = 63/31.
        assertThat(cost("2025-03")).isEqualByComparingTo("2.032258064516129032258064516129032");
        assertThat(cost("2025-02")).isEqualByComparingTo("1.0");
        assertThat(cost("2025-04")).isEqualByComparingTo("3.0");
    }
}
