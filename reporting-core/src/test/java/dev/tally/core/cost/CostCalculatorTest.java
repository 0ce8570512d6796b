package dev.tally.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {
    static final PriceList LUMI_COMMON = PriceList.of("LUMI Common", new BigDecimal("0.0000000000"), List.of(
            new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1000000000")),
            new ComponentPrice("gpu_k_hours", BillingType.LIMIT, new BigDecimal("0.5000000000")),
            new ComponentPrice("gb_k_hours", BillingType.LIMIT, new BigDecimal("0.0010000000"))));

    @Test
    void seedOrderCostsExactly1_301() {
        BigDecimal cost = CostCalculator.estimate(LUMI_COMMON, Map.of(
                "cpu_k_hours", new BigDecimal("3"), "gb_k_hours", new BigDecimal("1"), "gpu_k_hours", new BigDecimal("2")));

        assertThat(cost).isEqualByComparingTo("1.301");
        assertThat(cost.setScale(10)).isEqualTo(new BigDecimal("1.3010000000"));
    }

    @Test
    void ignoresLimitsOnComponentsNotBilledByLimit() {
        PriceList plan = PriceList.of("p", new BigDecimal("2"), List.of(
                new ComponentPrice("cpu_k_hours", BillingType.LIMIT, new BigDecimal("0.1")),
                new ComponentPrice("storage", BillingType.USAGE, new BigDecimal("7"))));

        BigDecimal cost = CostCalculator.estimate(plan, Map.of("cpu_k_hours", new BigDecimal("10"), "storage", new BigDecimal("5"),
                "unknown", new BigDecimal("9")));

        assertThat(cost).isEqualByComparingTo("3");
    }
}
