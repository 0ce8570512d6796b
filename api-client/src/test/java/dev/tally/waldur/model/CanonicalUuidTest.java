package dev.tally.waldur.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tally.waldur.WaldurJson;
import org.junit.jupiter.api.Test;

/** Every UUID a record reads is in the one canonical form, whatever form the server sent. */
class CanonicalUuidTest {
    private static final ObjectMapper JSON = WaldurJson.newMapper();
    private static final String HYPHENATED = "0F6D8A3C-1B2E-4C5D-9E8F-7A6B5C4D3E2F";
    private static final String CANONICAL = "0f6d8a3c1b2e4c5d9e8f7a6b5c4d3e2f";

    @Test
    void readsEveryUuidOfAnOrderInCanonicalForm() throws Exception {
        String u = '"' + HYPHENATED + '"';
        Order o = JSON.readValue("{\"uuid\":" + u + ",\"plan_uuid\":" + u + ",\"offering_uuid\":" + u
                + ",\"provider_uuid\":" + u + ",\"project_uuid\":" + u + ",\"customer_uuid\":" + u
                + ",\"marketplace_resource_uuid\":" + u + ",\"project_name\":\"" + HYPHENATED + "\"}", Order.class);

        assertThat(o.uuid()).isEqualTo(CANONICAL);
        assertThat(o.planUuid()).isEqualTo(CANONICAL);
        assertThat(o.offeringUuid()).isEqualTo(CANONICAL);
        assertThat(o.providerUuid()).isEqualTo(CANONICAL);
        assertThat(o.projectUuid()).isEqualTo(CANONICAL);
        assertThat(o.customerUuid()).isEqualTo(CANONICAL);
        assertThat(o.marketplaceResourceUuid()).isEqualTo(CANONICAL);
        assertThat(o.projectName()).isEqualTo(HYPHENATED);
    }

    @Test
    void keepsAbsentAndNullUuidsNullOnEveryRecord() throws Exception {
        assertThat(JSON.readValue("{\"uuid\":null}", Customer.class).uuid()).isNull();
        assertThat(JSON.readValue("{\"status\":\"ok\"}", OptionsUpdate.class).orderUuid()).isNull();
        assertThat(JSON.readValue("{\"resource_uuid\":\"" + HYPHENATED + "\"}", ComponentUsage.class))
                .extracting(ComponentUsage::resourceUuid, ComponentUsage::uuid).containsExactly(CANONICAL, null);
        assertThat(JSON.readValue("{\"customer_uuid\":\"" + HYPHENATED + "\"}", Project.class).customerUuid())
                .isEqualTo(CANONICAL);
    }

    @Test
    void refusesAUuidThatIsNotText() {
        assertThatThrownBy(() -> JSON.readValue("{\"uuid\":{\"x\":1}}", Resource.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
