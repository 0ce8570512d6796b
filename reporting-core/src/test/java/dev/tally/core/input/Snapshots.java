package dev.tally.core.input;

import static dev.tally.core.Fixtures.limits;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A small snapshot with one example of every definition and every data-quality problem; "today" is 15 April 2025. */
public final class Snapshots {
    private Snapshots() {
    }

    static final List<ComponentInput> LUMI_COMPONENTS = List.of(
            new ComponentInput("cpu_k_hours", BillingType.LIMIT, LimitPeriod.MONTH),
            new ComponentInput("gpu_k_hours", BillingType.LIMIT, LimitPeriod.MONTH),
            new ComponentInput("gb_k_hours", BillingType.LIMIT, LimitPeriod.MONTH));

    static PlanInput lumiCommon(String uuid) {
        return new PlanInput(uuid, "LUMI Common", PlanUnit.MONTH, new BigDecimal("0.0000000000"), Map.of(
                "cpu_k_hours", new BigDecimal("0.1000000000"), "gpu_k_hours", new BigDecimal("0.5000000000"),
                "gb_k_hours", new BigDecimal("0.0010000000")), Map.of());
    }

    static ResourceInput resource(String uuid, String offering, String offeringName, String plan,
            Map<String, BigDecimal> limits, String created, LumiOptions options) {
        return new ResourceInput(uuid, "alloc " + uuid, "OK", "p-" + uuid, "Project " + uuid, "c1", "DeiC", offering,
                offeringName, plan, limits, options, Instant.parse(created));
    }

    static OrderInput order(String uuid, OrderType type, OrderState state, String cost, Map<String, BigDecimal> limits,
            String plan, String resource, String completed) {
        return new OrderInput(uuid, type, state, cost == null ? null : new BigDecimal(cost), limits, plan, "od", resource,
                completed == null ? Instant.parse("2025-01-01T00:00:00Z") : Instant.parse(completed).minusSeconds(3600),
                completed == null ? null : Instant.parse(completed));
    }

    static UsageInput usage(String resource, String component, String amount, String month, String reportedAt) {
        return new UsageInput(resource, component, new BigDecimal(amount), LocalDate.parse(month + "-01"),
                Instant.parse(reportedAt));
    }

    /** The example snapshot. */
    public static SourceData example() {
        List<OfferingInput> offerings = List.of(
                new OfferingInput("od", "LUMI Denmark", null, "deic", "DeiC", LUMI_COMPONENTS, List.of(lumiCommon("pl1"))),
                new OfferingInput("oa", "LUMI Atlantis", null, "x", "X", LUMI_COMPONENTS, List.of(lumiCommon("pl2"))),
                new OfferingInput("os", "Object storage", "FI", "csc", "CSC", List.of(),
                        List.of(new PlanInput("pl3", "Storage", PlanUnit.MONTH, new BigDecimal("5"), Map.of(), Map.of()))));
        LumiOptions ai = new LumiOptions(Flag.TRUE, Flag.FALSE, Flag.UNKNOWN, List.of("Deep Learning", "Vision"));
        List<ResourceInput> resources = List.of(
                resource("r1", "od", "LUMI Denmark", "pl1", limits("cpu_k_hours", 6, "gb_k_hours", 1, "gpu_k_hours", 2),
                        "2025-01-10T11:00:00Z", ai),
                resource("r2", "od", "LUMI Denmark", "pl1", limits("cpu_k_hours", 1), "2025-01-10T11:00:00Z", LumiOptions.NONE),
                resource("r3", "oa", "LUMI Atlantis", "pl2", limits("cpu_k_hours", 1), "2025-02-01T00:00:00Z", LumiOptions.NONE),
                resource("r4", "od", "LUMI Denmark", "pl1", limits("cpu_k_hours", 12, "ram", 4), "2025-01-01T00:00:00Z",
                        LumiOptions.NONE),
                resource("r5", "os", "Object storage", "pl3", Map.of(), "2025-01-01T00:00:00Z", LumiOptions.NONE));
        List<OrderInput> orders = List.of(
                order("o1", OrderType.CREATE, OrderState.DONE, "1.3010000000",
                        limits("cpu_k_hours", 3, "gb_k_hours", 1, "gpu_k_hours", 2), "pl1", "r1", "2025-01-10T12:00:00Z"),
                order("o2", OrderType.UPDATE, OrderState.DONE, "1.6010000000",
                        limits("cpu_k_hours", 6, "gb_k_hours", 1, "gpu_k_hours", 2), "pl1", "r1", "2025-03-16T00:00:00Z"),
                order("o3", OrderType.CREATE, OrderState.PENDING_PROVIDER, "0.1", limits("cpu_k_hours", 1), "pl1", "r2", null),
                order("o4", OrderType.CREATE, OrderState.DONE, "2.0", limits("cpu_k_hours", 10), "pl1", "r4",
                        "2025-01-01T00:00:00Z"),
                order("o5", OrderType.TERMINATE, OrderState.DONE, null, Map.of(), null, "r5", "2025-02-15T10:00:00Z"),
                order("o9", OrderType.UPDATE, OrderState.DONE, "0.5", limits("cpu_k_hours", 5), "pl1", "ghost",
                        "2025-02-01T00:00:00Z"));
        List<UsageInput> usages = List.of(
                usage("r1", "cpu_k_hours", "2.0", "2025-03", "2025-03-31T00:00:00Z"),
                usage("r1", "cpu_k_hours", "2.5", "2025-03", "2025-04-01T00:00:00Z"),
                usage("r1", "cpu_k_hours", "5", "2025-01", "2025-02-01T00:00:00Z"),
                usage("ghost", "cpu_k_hours", "1", "2025-02", "2025-03-01T00:00:00Z"),
                usage("r2", "cpu_k_hours", "1", "2025-02", "2025-03-01T00:00:00Z"));
        return new SourceData(offerings, resources, orders, usages);
    }
}
