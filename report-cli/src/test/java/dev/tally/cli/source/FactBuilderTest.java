package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.input.FactAssembler;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.ResultTable;
import dev.tally.waldur.WaldurJson;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Resource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waldur JSON (as the API sends it) through the adapter into the core's facts, queries and checks. */
class FactBuilderTest {
    private static final ObjectMapper JSON = WaldurJson.newMapper();

    private static <T> T read(String json, Class<T> type) throws Exception {
        return JSON.readValue(json.replace('`', '"'), type);
    }

    private static final String OFFERING = """
            {`uuid`: `0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d`, `name`: `LUMI Denmark`, `country`: `DK`,
             `customer_uuid`: `c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0`, `customer_name`: `DeiC`,
             `components`: [
               {`type`: `cpu_k_hours`, `billing_type`: `limit`, `limit_period`: `month`},
               {`type`: `gb_k_hours`, `billing_type`: `limit`, `limit_period`: `month`},
               {`type`: `gpu_k_hours`, `billing_type`: `limit`, `limit_period`: null}],
             `plans`: [{`uuid`: `a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1`, `name`: `LUMI Common`, `unit`: `month`,
               `unit_price`: `0.0000000000`, `prices`: {`cpu_k_hours`: 0.1, `gb_k_hours`: 0.001, `gpu_k_hours`: 0.5},
               `components`: [{`type`: `cpu_k_hours`, `amount`: 0, `price`: `0.1000000000`}]}]}""";

    private static final String RESOURCE = """
            {`uuid`: `e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1`, `name`: `alloc`, `state`: `OK`,
             `limits`: {`cpu_k_hours`: 6, `gb_k_hours`: 1, `gpu_k_hours`: 2},
             `plan_uuid`: `a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1`, `offering_uuid`: `0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d`,
             `offering_name`: `LUMI Denmark`, `project_uuid`: `b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1`, `project_name`: `Climate`,
             `customer_uuid`: `c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1`, `customer_name`: `DeiC`,
             `options`: {`is_industry`: true, `is_training`: `false`, `used_ai_tech`: [`Deep Learning`, `Vision`]},
             `created`: `2025-01-10T11:00:00.000000Z`}""";

    private static String order(String uuid, String type, String cost, String limits, String completed) {
        return """
                {`uuid`: `%s`, `type`: `%s`, `state`: `done`, `cost`: %s, `limits`: %s,
                 `plan_uuid`: `a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1`, `offering_uuid`: `0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d`,
                 `marketplace_resource_uuid`: `e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1`,
                 `created`: `2025-01-10T10:00:00.000000Z`, `completed_at`: `%s`}""".formatted(uuid, type, cost, limits,
                completed);
    }

    private static String usage(String amount, String created) {
        return """
                {`uuid`: `f%s`, `type`: `cpu_k_hours`, `usage`: `%s`, `billing_period`: `2025-03-01`,
                 `resource_uuid`: `e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1`, `created`: `%s`}""".formatted(
                created.substring(0, 4), amount, created);
    }

    private static final Clock APRIL_15 = Clock.fixed(Instant.parse("2025-04-15T00:00:00Z"), ZoneOffset.UTC);
    private final FactBuilder builder = new FactBuilder(CountryResolver.standard(), APRIL_15);

    private Dataset dataset() throws Exception {
        List<Order> orders = List.of(
                read(order("01", "Create", "`1.3010000000`", "{`cpu_k_hours`: 3, `gb_k_hours`: 1, `gpu_k_hours`: 2}",
                        "2025-01-10T12:00:00.000000Z"), Order.class),
                read(order("02", "Update", "`1.6010000000`", "{`cpu_k_hours`: 6, `gb_k_hours`: 1, `gpu_k_hours`: 2}",
                        "2025-03-16T00:00:00.000000Z"), Order.class));
        List<ComponentUsage> usages = List.of(read(usage("2.0", "2025-03-31T00:00:00Z"), ComponentUsage.class),
                read(usage("2.5", "2025-04-01T00:00:00Z"), ComponentUsage.class));
        return new FactAssembler(CountryResolver.standard(), APRIL_15).assemble(FactBuilder.source(List.of(read(OFFERING, Offering.class)), orders,
                        List.of(read(RESOURCE, Resource.class)), usages));
    }

    @Test
    void mapsResourceOptionsShareAndLifetime() throws Exception {
        List<Order> orders = List.of(read(order("01", "Create", "`1.3010000000`",
                "{`cpu_k_hours`: 3, `gb_k_hours`: 1, `gpu_k_hours`: 2}", "2025-01-10T12:00:00.000000Z"), Order.class));

        AllocationFact f = builder.build(List.of(read(OFFERING, Offering.class)), orders,
                List.of(read(RESOURCE, Resource.class))).get(0);

        assertThat(f.share()).isEqualTo(CountryShare.country("Denmark", CountrySource.NAME));
        assertThat(f.activeFrom()).isEqualTo(Instant.parse("2025-01-10T12:00:00Z"));
        assertThat(f.options().isIndustry()).isEqualTo(Flag.TRUE);
        assertThat(f.options().isTraining()).isEqualTo(Flag.FALSE);
        assertThat(f.options().isCommercial()).isEqualTo(Flag.UNKNOWN);
        assertThat(f.options().usedAiTech()).containsExactly("Deep Learning", "Vision");
        assertThat(f.prices().priceOf("gpu_k_hours")).isEqualByComparingTo("0.5");
    }

    @Test
    void orderHistoryAndLatestUsageReachTheQueryEngine() throws Exception {
        ResultTable t = QueryEngine.run(dataset(), Query.builder(Period.parse("2025-03")).dimensions("project")
                .measures("cost, usage.cpu_k_hours, order_cost").build());

        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).get(0)).isEqualTo("Climate");
        // 15 days at 1.301 and 16 days at 1.601, over 31 days
        assertThat((BigDecimal) t.rows().get(0).get(1)).isEqualByComparingTo("1.455838709677419354838709677419355");
        assertThat((BigDecimal) t.rows().get(0).get(2)).isEqualByComparingTo("2.5");
        assertThat((BigDecimal) t.rows().get(0).get(3)).isEqualByComparingTo("1.601");
    }

    @Test
    void storedOrderCostsMatchTheCoreAndTheDuplicateUsageIsNoted() throws Exception {
        List<Finding> findings = DataQuality.check(dataset());

        assertThat(findings).extracting(Finding::kind).containsExactly(FindingKind.DUPLICATE_USAGE);
    }
}
