package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Project;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderCostTest {
    private static Emulator emulator;
    private static WaldurClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        client = new WaldurClient(WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken())).build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void seedOrderOnLumiCommonCosts1_301() {
        Offering denmark = client.offerings(Query.of("name_exact", "LUMI Denmark")).get(0);
        Plan common = denmark.plans().stream().filter(p -> p.name().equals("LUMI Common")).findFirst().orElseThrow();
        Project project = client.projects(Query.NONE).get(0);
        Map<String, BigInteger> limits = new LinkedHashMap<>();
        limits.put("cpu_k_hours", BigInteger.valueOf(3));
        limits.put("gb_k_hours", BigInteger.ONE);
        limits.put("gpu_k_hours", BigInteger.TWO);

        Order order = client.createOrder(new OrderRequest(project.uuid(), denmark.uuid(), common.uuid(), limits, Map.of("name", "seed")));

        assertThat(order.cost()).isEqualTo(new BigDecimal("1.3010000000"));
        assertThat(client.order(order.uuid()).cost()).isEqualTo(new BigDecimal("1.3010000000"));
    }
}
