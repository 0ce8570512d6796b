package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Order filters {@code can_approve_as_consumer}, {@code can_approve_as_provider}, {@code offering_slug} and
 * {@code parent_offering_uuid} over the seed-42 dataset (read-only).
 */
class OrderApprovalFilterTest {
    private static final String ORDERS = "/api/marketplace-orders/";
    private final Emulator emulator = SharedEmulator.get();
    private final Api staff = new Api(emulator, emulator.staffToken());
    private final Api csc = staff.as(emulator.allocatorTokens().get("CSC – IT Center for Science"));
    private final Api deic = staff.as(emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
    private final Api lumi = staff.as(emulator.providerToken());

    @Test
    void allocatorMayApproveAsConsumerItsOwnPendingConsumerOrders() {
        String cscUuid = customer("CSC");

        JsonNode orders = csc.getJson(ORDERS + "?can_approve_as_consumer=true&page_size=300");

        assertThat(orders.size()).isEqualTo(17);
        assertThat(orders.findValuesAsText("state")).containsOnly("pending-consumer");
        assertThat(orders.findValuesAsText("customer_uuid")).containsOnly(cscUuid);
        assertThat(count(staff, "?state=pending-consumer&customer_uuid=" + cscUuid)).isEqualTo(17);
    }

    @Test
    void providerMayApproveAsProviderThePendingProviderOrdersOfItsOfferings() {
        String lumiUuid = customer("LUMI");

        JsonNode orders = lumi.getJson(ORDERS + "?can_approve_as_provider=true&page_size=300");

        assertThat(orders.size()).isEqualTo(116);
        assertThat(orders.findValuesAsText("state")).containsOnly("pending-provider");
        assertThat(orders.findValuesAsText("provider_uuid")).containsOnly(lumiUuid);
        assertThat(orders.findValuesAsText("offering_name")).doesNotContain("LUMI Denmark");
    }

    @Test
    void deicApprovesLumiDenmarkOrdersAsProvider() {
        JsonNode orders = deic.getJson(ORDERS + "?can_approve_as_provider=true&page_size=300");

        assertThat(orders.size()).isEqualTo(10);
        assertThat(orders.findValuesAsText("offering_name")).containsOnly("LUMI Denmark");
        assertThat(orders.findValuesAsText("state")).containsOnly("pending-provider");
    }

    @Test
    void callerWithoutApprovableOrdersGetsAnEmptyList() {
        assertThat(count(lumi, "?can_approve_as_consumer=true")).isZero();
        assertThat(count(csc, "?can_approve_as_provider=true")).isZero();
    }

    @Test
    void falseOnlyNarrowsToTheStateWithinWhatTheCallerSees() {
        assertThat(count(lumi, "?can_approve_as_consumer=false")).isEqualTo(102);
        assertThat(count(lumi, "?can_approve_as_consumer=false"))
                .isEqualTo(count(lumi, "?state=pending-consumer"));
        assertThat(count(csc, "?can_approve_as_provider=false")).isEqualTo(31);
        assertThat(count(csc, "?can_approve_as_provider=False"))
                .isEqualTo(count(csc, "?state=pending-provider"));
    }

    @Test
    void staffMayApproveEveryPendingOrder() {
        assertThat(count(staff, "?can_approve_as_consumer=true")).isEqualTo(109);
        assertThat(count(staff, "?can_approve_as_provider=True")).isEqualTo(126);
        assertThat(count(staff, "?can_approve_as_provider=2")).isEqualTo(126);
    }

    @Test
    void combinesWithOtherFilters() {
        assertThat(count(csc, "?can_approve_as_consumer=true&state=done")).isZero();
        assertThat(count(lumi, "?can_approve_as_provider=true&can_approve_as_consumer=true")).isZero();
    }

    // A plain BooleanFilter (NullBooleanSelect): an unrecognised value is "no value", so the filter is skipped.
    @ParameterizedTest
    @ValueSource(strings = {"yes", "TRUE", "1", ""})
    void unrecognisedBooleanIsIgnoredNot400(String value) {
        HttpResponse<String> response = csc.get(ORDERS + "?can_approve_as_consumer=" + value);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Result-Count")).hasValue("1344");
    }

    @Test
    void offeringSlugTakesACommaSeparatedList() {
        int finland = count(staff, "?offering_uuid=b1b847dda6564d1e8d3e067731dfb475");

        int bySlug = count(staff, "?offering_slug=lumi-finland-b1b847");
        int both = count(staff, "?offering_slug=lumi-finland-b1b847,lumi-estonia-5982c3");

        assertThat(finland).isEqualTo(1215);
        assertThat(bySlug).isEqualTo(1215);
        assertThat(both).isEqualTo(1215 + 276);
        assertThat(count(staff, "?offering_slug=no-such-offering")).isZero();
        assertThat(count(csc, "?offering_slug=lumi-finland-b1b847"))
                .isEqualTo(count(csc, "?offering_uuid=b1b847dda6564d1e8d3e067731dfb475"));
    }

    @Test
    void parentOfferingUuidIsValidatedAndMatchesNothing() {
        HttpResponse<String> invalid = staff.get(ORDERS + "?parent_offering_uuid=xyz");

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"parent_offering_uuid\":[\"Enter a valid UUID.\"]}");
        assertThat(count(staff, "?parent_offering_uuid=b1b847dda6564d1e8d3e067731dfb475")).isZero();
    }

    @Test
    void invalidStateNextToCanApproveIsStill400() {
        HttpResponse<String> response = csc.get(ORDERS + "?can_approve_as_consumer=true&state=waiting");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"state\":[\"Select a valid choice. waiting is not one of the available choices.\"]}");
    }

    private String customer(String abbreviation) {
        return staff.getJson("/api/customers/?abbreviation=" + abbreviation).get(0).get("uuid").asText();
    }

    private static int count(Api api, String query) {
        HttpResponse<String> response = api.head(ORDERS + query);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return Integer.parseInt(response.headers().firstValue("X-Result-Count").orElseThrow());
    }
}
