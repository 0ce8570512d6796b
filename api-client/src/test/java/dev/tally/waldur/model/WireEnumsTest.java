package dev.tally.waldur.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.WaldurJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waldur's enum strings and LUMI options are read once, here, into typed values. */
class WireEnumsTest {
    private static final ObjectMapper JSON = WaldurJson.newMapper();

    @Test
    void readsComponentAndPlanEnumsLenientlyAndUnknownAsUnknown() throws Exception {
        OfferingComponent c = JSON.readValue("{\"type\":\"cpu_k_hours\",\"billing_type\":\" Limit \",\"limit_period\":\"quarterly\"}",
                OfferingComponent.class);
        OfferingComponent odd = JSON.readValue("{\"billing_type\":\"prepaid\",\"limit_period\":\"\"}", OfferingComponent.class);
        Plan p = JSON.readValue("{\"unit\":\"half_month\"}", Plan.class);

        assertThat(c.billingType()).isEqualTo(BillingType.LIMIT);
        assertThat(c.limitPeriod()).isEqualTo(LimitPeriod.QUARTERLY);
        assertThat(odd.billingType()).isEqualTo(BillingType.UNKNOWN);
        assertThat(odd.limitPeriod()).isEqualTo(LimitPeriod.UNKNOWN);
        assertThat(p.unit()).isEqualTo(PlanUnit.HALF_MONTH);
        assertThat(JSON.writeValueAsString(p.unit())).isEqualTo("\"half_month\"");
        assertThat(JSON.writeValueAsString(List.of(c.billingType(), c.limitPeriod(), PlanUnit.UNKNOWN)))
                .isEqualTo("[\"limit\",\"quarterly\",\"unknown\"]");
        assertThat(BillingType.FEW.wire()).isEqualTo("few");
    }

    @Test
    void readsLumiOptionsAsBooleansOrText() throws Exception {
        Resource r = JSON.readValue("""
                {"options": {"is_industry": "TRUE", "is_commercial": false, "is_training": "maybe",
                             "used_ai_tech": ["Vision", " ", 7, "Other"]}}""", Resource.class);
        Resource single = JSON.readValue("{\"options\": {\"used_ai_tech\": \"Deep Learning\"}}", Resource.class);
        Resource none = JSON.readValue("{\"options\": null}", Resource.class);

        assertThat(r.lumiOptions()).isEqualTo(new ResourceOptions(true, false, null, List.of("Vision", "Other")));
        assertThat(single.lumiOptions()).isEqualTo(new ResourceOptions(null, null, null, List.of("Deep Learning")));
        assertThat(none.lumiOptions()).isEqualTo(ResourceOptions.NONE);
    }

    @Test
    void readsAnOfferingsOptionSchemaInItsOrder() throws Exception {
        Offering o = JSON.readValue("""
                {"resource_options": {"options": {
                    "is_industry": {"type": "boolean"},
                    "used_ai_tech": {"type": "select_string_multi", "choices": ["Vision", "Other"]},
                    "note": {}}}}""", Offering.class);

        assertThat(o.optionFields()).containsExactly(
                java.util.Map.entry("is_industry", new OptionField("boolean", List.of())),
                java.util.Map.entry("used_ai_tech", new OptionField("select_string_multi", List.of("Vision", "Other"))),
                java.util.Map.entry("note", new OptionField("", List.of())));
    }
}
