package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.cost.CostCalculator;
import dev.tally.core.cost.PriceList;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.OrderRequest;
import dev.tally.waldur.Query;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed document's worked example, end to end: the emulator's stored cost and the core's computation. */
class SeedExampleTest {
    @Test
    void lumiCommonOrderCosts1_301OnTheWireAndInTheCore() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            WaldurClient client = new WaldurClient(WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken())).build());
            Offering denmark = client.offerings(Query.of("name_exact", "LUMI Denmark")).get(0);
            Plan common = denmark.plans().stream().filter(p -> p.name().equals("LUMI Common")).findFirst().orElseThrow();
            Map<String, BigInteger> limits = new LinkedHashMap<>();
            limits.put("cpu_k_hours", BigInteger.valueOf(3));
            limits.put("gb_k_hours", BigInteger.ONE);
            limits.put("gpu_k_hours", BigInteger.TWO);

            Order order = client.createOrder(new OrderRequest(client.projects(Query.NONE).get(0).uuid(), denmark.uuid(),
                    common.uuid(), limits, Map.of("name", "seed example")));
            String wire = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(emulator.baseUrl() + "api/marketplace-orders/" + order.uuid() + "/"))
                    .header("Authorization", "Token " + emulator.staffToken()).build(), HttpResponse.BodyHandlers.ofString()).body();
            PriceList prices = FactBuilder.priceList(denmark, common);
            BigDecimal core = CostCalculator.estimate(prices, Map.of("cpu_k_hours", new BigDecimal(3),
                    "gb_k_hours", BigDecimal.ONE, "gpu_k_hours", new BigDecimal(2)));

            assertThat(wire).contains("\"cost\":\"1.3010000000\"");
            assertThat(core.stripTrailingZeros().toPlainString()).isEqualTo("1.301");
            assertThat(order.cost()).isEqualByComparingTo(core);
        }
    }
}
