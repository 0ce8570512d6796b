package dev.tally.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The provider-side collections {@code marketplace-provider-offerings}, {@code marketplace-plans} and
 * {@code marketplace-provider-resources} over the seed-42 dataset (read-only): who sees what, the filters with exact
 * counts, and the 400/404 answers.
 */
class ProviderViewsTest {
    private static final String OFFERINGS = "/api/marketplace-provider-offerings/";
    private static final String PLANS = "/api/marketplace-plans/";
    private static final String RESOURCES = "/api/marketplace-provider-resources/";
    private static final String LUMI_NAME = "Large Unified Modern Infrastructure";
    private static final List<String> NAMES_IN_ORDER = List.of("LUMI Belgium",
            "LUMI Belgium / Fast Track Industry", "LUMI Czech Republic", "LUMI Czech Republic / Benchmark",
            "LUMI Czech Republic / Extreme Scale", "LUMI Czech Republic / Regular", "LUMI Denmark", "LUMI Estonia",
            "LUMI Finland", "LUMI Iceland", "LUMI Norway", "LUMI Norway / Development", "LUMI Norway / Regular",
            "LUMI Poland", "LUMI Poland / Fast Track Academia", "LUMI Sweden", "LUMI Switzerland",
            "LUMI custom script", "LUMI-O object storage", "Training sandbox");

    private final Emulator emulator = SharedEmulator.get();
    private final Api staff = new Api(emulator, emulator.staffToken());
    private final Api lumi = staff.as(emulator.providerToken());
    private final Api deic = staff.as(emulator.allocatorTokens().get("Danish e-Infrastructure Cooperation"));
    private final Api csc = staff.as(emulator.allocatorTokens().get("CSC – IT Center for Science"));
    private final Api anonymous = staff.as(null);

    // --- marketplace-provider-offerings ---

    @Test
    void staffSeesEveryOfferingByNameUnderProviderUrls() {
        JsonNode offerings = staff.getJson(OFFERINGS + "?page_size=300");

        assertThat(top(offerings, "name")).containsExactlyElementsOf(NAMES_IN_ORDER);
        assertThat(top(offerings, "uuid")).containsExactlyElementsOf(
                top(staff.getJson("/api/marketplace-public-offerings/?page_size=300"), "uuid"));
        for (JsonNode offering : offerings) {
            assertThat(offering.get("url").asText()).isEqualTo(
                    emulator.baseUrl() + "api/marketplace-provider-offerings/" + offering.get("uuid").asText() + "/");
            JsonNode plan = offering.get("plans").get(0);
            assertThat(plan.get("url").asText()).isEqualTo(
                    emulator.baseUrl() + "api/marketplace-plans/" + plan.get("uuid").asText() + "/");
        }
    }

    @Test
    void eachCallerSeesTheOfferingsOfItsOwnOrganisation() {
        JsonNode ofLumi = lumi.getJson(OFFERINGS + "?page_size=300");
        assertThat(ofLumi).hasSize(12 + 7);
        assertThat(ofLumi.findValuesAsText("customer_name")).containsOnly(LUMI_NAME);
        assertThat(top(ofLumi, "name")).doesNotContain("LUMI Denmark");

        // DeiC owns its own share (2021 style), so it is a provider too.
        assertThat(top(deic.getJson(OFFERINGS), "name")).containsExactly("LUMI Denmark");

        HttpResponse<String> none = csc.get(OFFERINGS);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
        assertThat(none.headers().firstValue("X-Result-Count")).hasValue("0");

        HttpResponse<String> unauthenticated = anonymous.get(OFFERINGS);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void detailOfAnotherOrganisationsOfferingIs404() {
        HttpResponse<String> foreign = deic.get(OFFERINGS + offering("LUMI Finland") + "/");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"detail\":\"No Offering matches the given query.\"}");

        HttpResponse<String> malformed = staff.get(OFFERINGS + "not-a-uuid/");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(malformed.body()).isEqualTo("{\"detail\":\"Not found.\"}");

        JsonNode own = deic.getJson(OFFERINGS + offering("LUMI Denmark") + "/");
        assertThat(own.get("name").asText()).isEqualTo("LUMI Denmark");
        assertThat(own.get("total_customers").asInt()).isEqualTo(1);
    }

    @Test
    void totalCustomersIsFilledOnDetailAndWhenTheListIsOrderedByIt() {
        assertThat(staff.getJson(OFFERINGS + "?page_size=300").findValues("total_customers"))
                .allMatch(JsonNode::isNull);

        JsonNode ordered = staff.getJson(OFFERINGS + "?page_size=300&o=-total_customers");
        assertThat(ordered.get(0).get("name").asText()).isEqualTo("LUMI-O object storage");
        assertThat(ordered.get(0).get("total_customers").asInt()).isEqualTo(10);
        assertThat(ordered.get(1).get("name").asText()).isEqualTo("Training sandbox");
        assertThat(ordered.get(1).get("total_customers").asInt()).isEqualTo(10);
        assertThat(ordered.get(19).get("name").asText()).isEqualTo("LUMI custom script");
        assertThat(ordered.get(19).get("total_customers").asInt()).isZero();
        List<Integer> totals = new ArrayList<>();
        ordered.forEach(o -> totals.add(o.get("total_customers").asInt()));
        assertThat(totals).containsExactly(10, 10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0);

        JsonNode detail = staff.getJson(OFFERINGS + offering("LUMI-O object storage") + "/");
        assertThat(detail.get("total_customers").asInt()).isEqualTo(10);
        // Invoices are not emulated: the invoice-based aggregates stay null.
        assertThat(detail.get("total_cost").isNull()).isTrue();
        assertThat(detail.get("total_cost_estimated").isNull()).isTrue();
    }

    @Test
    void providerShapeReplacesThePublicOnlyFields() {
        String uuid = offering("LUMI Switzerland");
        JsonNode provider = staff.getJson(OFFERINGS + uuid + "/");
        JsonNode pub = staff.getJson("/api/marketplace-public-offerings/" + uuid + "/");

        assertThat(pub.has("is_accessible")).isTrue();
        assertThat(provider.has("is_accessible")).isFalse();
        assertThat(provider.get("secret_options").toString()).isEqualTo("{}");
        assertThat(provider.get("service_attributes").toString()).isEqualTo("{}");
        assertThat(provider.get("backend_id_rules").toString()).isEqualTo("{}");
        assertThat(provider.get("integration_status").isNull()).isTrue();
        assertThat(provider.get("components")).isEqualTo(pub.get("components"));
        assertThat(provider.get("plans").get(0).get("uuid")).isEqualTo(pub.get("plans").get(0).get("uuid"));
        assertThat(provider.get("plans").get(0).get("components").get(0).get("price").asText())
                .isEqualTo("0.1200000000");
    }

    @Test
    void offeringFiltersNarrowTheProvidersOwnOfferings() {
        assertThat(names(staff, OFFERINGS + "?state=Paused")).containsExactly("Training sandbox");
        assertThat(count(staff, OFFERINGS + "?state=Active&state=Paused")).isEqualTo(13 + 7);
        assertThat(count(lumi, OFFERINGS + "?state=Active")).isEqualTo(11 + 7);
        assertThat(names(staff, OFFERINGS + "?type=Marketplace.Script")).containsExactly("LUMI custom script");
        assertThat(count(staff, OFFERINGS + "?type=Marketplace.Script&type=Marketplace.Basic")).isEqualTo(13 + 7);
        assertThat(names(lumi, OFFERINGS + "?billable=false")).containsExactly("Training sandbox");
        assertThat(names(staff, OFFERINGS + "?customer_uuid=" + customer("DeiC"))).containsExactly("LUMI Denmark");
        assertThat(names(staff, OFFERINGS + "?keyword=danish")).containsExactly("LUMI Denmark");
        assertThat(count(lumi, OFFERINGS + "?keyword=denmark")).isZero();
        assertThat(names(staff, OFFERINGS + "?query=lumi-o")).containsExactly("LUMI-O object storage");
        assertThat(names(staff, OFFERINGS + "?query=" + offering("LUMI Poland"))).containsExactly("LUMI Poland");
        assertThat(count(lumi, OFFERINGS + "?name=LUMI")).isEqualTo(11 + 7);
        // No emulated offering type can import resources; the parameter's mere presence filters.
        assertThat(count(staff, OFFERINGS + "?importable=true")).isZero();
        assertThat(count(staff, OFFERINGS + "?importable=")).isZero();
    }

    @Test
    void resourceCustomerAndProjectFiltersKeepOfferingsWithLiveResourcesThere() {
        assertThat(names(staff, OFFERINGS + "?resource_customer_uuid=" + customer("CSC")))
                .containsExactly("LUMI Finland", "LUMI-O object storage", "Training sandbox");
        assertThat(names(lumi, OFFERINGS + "?resource_customer_uuid=" + customer("DeiC")))
                .containsExactly("LUMI-O object storage", "Training sandbox");
        assertThat(names(deic, OFFERINGS + "?resource_customer_uuid=" + customer("DeiC")))
                .containsExactly("LUMI Denmark");

        JsonNode resource = staff.getJson("/api/marketplace-resources/?state=OK&page_size=1").get(0);
        assertThat(names(staff, OFFERINGS + "?resource_project_uuid=" + resource.get("project_uuid").asText()))
                .contains(resource.get("offering_name").asText());
        JsonNode terminated = staff.getJson("/api/marketplace-resources/?state=Terminated&page_size=300");
        for (JsonNode candidate : terminated) {
            String project = candidate.get("project_uuid").asText();
            if (count(staff, "/api/marketplace-resources/?project_uuid=" + project) == 1) {
                // A project whose only resource is Terminated uses no offering.
                assertThat(count(staff, OFFERINGS + "?resource_project_uuid=" + project)).isZero();
                return;
            }
        }
        throw new AssertionError("no project with a single, Terminated resource");
    }

    @Test
    void uuidListIsCommaSeparatedAndStillLimitedToWhatTheCallerSees() {
        String list = offering("LUMI Denmark") + "," + offering("LUMI Finland");
        assertThat(names(staff, OFFERINGS + "?uuid_list=" + list)).containsExactly("LUMI Denmark", "LUMI Finland");
        assertThat(names(deic, OFFERINGS + "?uuid_list=" + list)).containsExactly("LUMI Denmark");
        assertThat(count(staff, OFFERINGS + "?uuid_list=,")).isZero();
        assertThat(count(staff, OFFERINGS + "?uuid_list=")).isEqualTo(13 + 7);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "state=bogus|{\"state\":[\"Select a valid choice. bogus is not one of the available choices.\"]}",
        "resource_customer_uuid=xyz|{\"resource_customer_uuid\":[\"Enter a valid UUID.\"]}",
        "resource_project_uuid=12|{\"resource_project_uuid\":[\"Enter a valid UUID.\"]}",
        "customer_uuid=abc|{\"customer_uuid\":[\"Enter a valid UUID.\"]}",
        "o=cost|{\"o\":[\"Select a valid choice. cost is not one of the available choices.\"]}",
        "created=yesterday|{\"created\":[\"Enter a valid date/time.\"]}"})
    void invalidOfferingFilterValuesAre400(String query, String body) {
        HttpResponse<String> response = lumi.get(OFFERINGS + "?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void headPaginationAndFieldSelection() {
        HttpResponse<String> head = lumi.head(OFFERINGS + "?page_size=5&page=2");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Result-Count")).hasValue("19");
        String base = emulator.baseUrl() + "api/marketplace-provider-offerings/";
        assertThat(head.headers().firstValue("Link")).hasValue("<" + base + "?page_size=5>; rel=\"first\", <" + base
                + "?page_size=5>; rel=\"prev\", <" + base + "?page=3&page_size=5>; rel=\"next\", <" + base
                + "?page=4&page_size=5>; rel=\"last\"");

        JsonNode page = lumi.getJson(OFFERINGS + "?page_size=5&page=4&field=name&field=url");
        assertThat(page).hasSize(4);
        assertThat(page.get(0).fieldNames()).toIterable().containsExactly("url", "name");
        assertThat(top(page, "name")).containsExactly("LUMI Switzerland", "LUMI custom script", "LUMI-O object storage",
                "Training sandbox");
        assertThat(lumi.get(OFFERINGS + "?page=5&page_size=5").statusCode()).isEqualTo(404);
    }

    @Test
    void writesOtherThanReadsAreNotEmulated() {
        assertThat(lumi.post(OFFERINGS, "{}").statusCode()).isEqualTo(405);
        assertThat(lumi.method("DELETE", OFFERINGS + offering("LUMI Finland") + "/", null).statusCode())
                .isEqualTo(405);
        assertThat(lumi.post(PLANS, "{}").statusCode()).isEqualTo(405);
        HttpResponse<String> put = lumi.method("PUT", RESOURCES + "00000000000000000000000000000000/", "{}");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("{\"detail\":\"Method \\\"PUT\\\" not allowed.\"}");
    }

    // --- marketplace-plans ---

    @Test
    void plansAreListedInCreationOrderForTheirOfferingsOwner() {
        JsonNode plans = staff.getJson(PLANS + "?page_size=300");
        assertThat(top(plans, "name")).containsExactly("LUMI Common", "LUMI Common", "LUMI Common",
                "LUMI Common", "LUMI Common", "LUMI Common", "LUMI Common", "LUMI Common", "LUMI Common",
                "LUMI Common", "LUMI-O Standard", "Training", "Script plan", "LUMI Common", "LUMI Common",
                "LUMI Common", "LUMI Common", "LUMI Common", "LUMI Common", "LUMI Common");
        List<String> offeringNames = new ArrayList<>();
        for (JsonNode plan : plans) {
            offeringNames.add(staff.getJson(path(plan.get("offering").asText())).get("name").asText());
        }
        assertThat(offeringNames).containsExactly("LUMI Denmark", "LUMI Estonia", "LUMI Finland", "LUMI Sweden",
                "LUMI Switzerland", "LUMI Czech Republic", "LUMI Poland", "LUMI Norway", "LUMI Belgium",
                "LUMI Iceland", "LUMI-O object storage", "Training sandbox", "LUMI custom script",
                "LUMI Czech Republic / Regular", "LUMI Czech Republic / Extreme Scale", "LUMI Czech Republic / Benchmark",
                "LUMI Norway / Regular", "LUMI Norway / Development", "LUMI Poland / Fast Track Academia",
                "LUMI Belgium / Fast Track Industry");
        // No OrderingFilter on ProviderPlanViewSet: ?o= is ignored, not a 400.
        assertThat(top(staff.getJson(PLANS + "?page_size=300&o=-name"), "uuid"))
                .containsExactlyElementsOf(top(plans, "uuid"));

        assertThat(count(lumi, PLANS)).isEqualTo(12 + 7);
        assertThat(count(csc, PLANS)).isZero();
        JsonNode ofDeic = deic.getJson(PLANS);
        assertThat(ofDeic).hasSize(1);
        JsonNode plan = ofDeic.get(0);
        String denmark = offering("LUMI Denmark");
        assertThat(plan.get("offering").asText())
                .isEqualTo(emulator.baseUrl() + "api/marketplace-provider-offerings/" + denmark + "/");
        assertThat(plan.get("url").asText())
                .isEqualTo(emulator.baseUrl() + "api/marketplace-plans/" + plan.get("uuid").asText() + "/");
        assertThat(plan.get("resources_count").asInt()).isEqualTo(276);
        assertThat(plan.get("prices").toString())
                .isEqualTo("{\"cpu_k_hours\":0.1,\"gpu_k_hours\":0.5,\"gb_k_hours\":0.001}");
        JsonNode publicPlan = staff.getJson("/api/marketplace-public-offerings/" + denmark + "/plans/").get(0);
        assertThat(plan.get("uuid")).isEqualTo(publicPlan.get("uuid"));
        assertThat(plan.get("components")).isEqualTo(publicPlan.get("components"));
    }

    @Test
    void planDetailIsLimitedToTheOfferingsOwner() {
        String finlandPlan = staff.getJson(OFFERINGS + offering("LUMI Finland") + "/").get("plans").get(0)
                .get("uuid").asText();

        assertThat(lumi.getJson(PLANS + finlandPlan + "/").get("name").asText()).isEqualTo("LUMI Common");
        HttpResponse<String> foreign = deic.get(PLANS + finlandPlan + "/");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo("{\"detail\":\"No Plan matches the given query.\"}");
        assertThat(csc.get(PLANS + finlandPlan + "/").statusCode()).isEqualTo(404);
        assertThat(anonymous.get(PLANS + finlandPlan + "/").statusCode()).isEqualTo(401);
    }

    @Test
    void planFilters() {
        String finland = offering("LUMI Finland");
        String providerUrl = emulator.baseUrl() + "api/marketplace-provider-offerings/" + finland + "/";
        String publicUrl = emulator.baseUrl() + "api/marketplace-public-offerings/" + finland + "/";

        assertThat(count(lumi, PLANS + "?offering=" + providerUrl)).isEqualTo(1);
        assertThat(count(lumi, PLANS + "?offering=" + publicUrl)).isEqualTo(1);
        assertThat(count(deic, PLANS + "?offering=" + providerUrl)).isZero();
        // URLFilter: a link to another view, or no link at all, resolves to no UUID and matches nothing.
        assertThat(count(lumi, PLANS + "?offering=" + emulator.baseUrl() + "api/customers/" + finland + "/")).isZero();
        assertThat(count(lumi, PLANS + "?offering=nope")).isZero();
        assertThat(count(lumi, PLANS + "?offering_uuid=" + finland)).isEqualTo(1);
        String slugs = staff.getJson(OFFERINGS + finland + "/").get("slug").asText() + ","
                + staff.getJson(OFFERINGS + offering("LUMI Denmark") + "/").get("slug").asText();
        assertThat(count(staff, PLANS + "?offering_slug=" + slugs)).isEqualTo(2);
        assertThat(count(lumi, PLANS + "?offering_slug=" + slugs)).isEqualTo(1);
        assertThat(count(staff, PLANS + "?parent_offering_uuid=" + finland)).isZero();

        HttpResponse<String> bad = lumi.get(PLANS + "?offering_uuid=xyz");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"offering_uuid\":[\"Enter a valid UUID.\"]}");
        HttpResponse<String> badParent = lumi.get(PLANS + "?parent_offering_uuid=xyz");
        assertThat(badParent.statusCode()).isEqualTo(400);
        assertThat(badParent.body()).isEqualTo("{\"parent_offering_uuid\":[\"Enter a valid UUID.\"]}");
    }

    // --- marketplace-provider-resources ---

    @Test
    void providerResourcesAreTheResourcesOfTheCallersOfferings() {
        assertThat(count(staff, RESOURCES)).isEqualTo(4000);
        assertThat(count(lumi, RESOURCES)).isEqualTo(3606);
        assertThat(count(lumi, RESOURCES))
                .isEqualTo(count(staff, "/api/marketplace-resources/?provider_uuid=" + customer("LUMI")));
        assertThat(count(deic, RESOURCES)).isEqualTo(394);
        assertThat(count(csc, RESOURCES)).isZero();

        JsonNode ofDeic = deic.getJson(RESOURCES + "?page_size=300");
        assertThat(ofDeic.findValuesAsText("offering_name")).containsOnly("LUMI Denmark");
        JsonNode ofLumi = lumi.getJson(RESOURCES + "?page_size=300&page=2");
        assertThat(ofLumi.findValuesAsText("provider_uuid")).containsOnly(customer("LUMI"));
        // Default ordering is created ascending, as on the consumer side.
        List<String> created = ofLumi.findValuesAsText("created");
        assertThat(created).isSorted();
    }

    @Test
    void providerAndConsumerSeeTheSameResourceFromTheirOwnSide() {
        JsonNode finnish = staff.getJson("/api/marketplace-resources/?page_size=1&offering_uuid="
                + offering("LUMI Finland")).get(0);
        String uuid = finnish.get("uuid").asText();

        JsonNode asProvider = lumi.getJson(RESOURCES + uuid + "/");
        JsonNode asConsumer = csc.getJson("/api/marketplace-resources/" + uuid + "/");
        assertThat(asProvider).isEqualTo(asConsumer);
        assertThat(asProvider.get("url").asText())
                .isEqualTo(emulator.baseUrl() + "api/marketplace-resources/" + uuid + "/");

        HttpResponse<String> consumerAsProvider = csc.get(RESOURCES + uuid + "/");
        assertThat(consumerAsProvider.statusCode()).isEqualTo(404);
        assertThat(consumerAsProvider.body()).isEqualTo("{\"detail\":\"No Resource matches the given query.\"}");
        assertThat(deic.get(RESOURCES + uuid + "/").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}: staff {1}, LUMI {2}, DeiC {3}")
    @CsvSource(delimiter = '|', value = {
        "state=Terminated|1025|907|118",
        "state=OK&state=Terminated|3695|3338|357",
        "has_terminate_date=true|943|835|108",
        "has_terminate_date=false|3057|2771|286",
        "has_terminate_date=maybe|4000|3606|394",
        "order_state=pending-provider|126|116|10",
        "order_state=pending-consumer&order_state=pending-provider|235|218|17",
        "order_state=executing|98|82|16",
        "limit_based=true|4000|3606|394",
        "only_limit_based=true|4000|3606|394",
        "usage_based=true|0|0|0",
        "usage_based=false|4000|3606|394",
        "only_usage_based=false|4000|3606|394",
        "component_count=3|3597|3203|394",
        "component_count=1|291|291|0",
        "limit_component_count=2|112|112|0",
        "visible_to_username=deic-allocator|444|50|394",
        "visible_to_username=nobody|0|0|0",
        "runtime_state=online|0|0|0",
        "offering_type=Marketplace.Script|0|0|0",
        "offering_billable=false|112|112|0"})
    void resourceFiltersGiveExactCounts(String query, int forStaff, int forLumi, int forDeic) {
        assertThat(count(staff, RESOURCES + "?" + query)).isEqualTo(forStaff);
        assertThat(count(lumi, RESOURCES + "?" + query)).isEqualTo(forLumi);
        assertThat(count(deic, RESOURCES + "?" + query)).isEqualTo(forDeic);
    }

    @Test
    void offeringUuidTakesCommaSeparatedAndRepeatedValues() {
        String finland = offering("LUMI Finland");
        String sweden = offering("LUMI Sweden");

        assertThat(count(lumi, RESOURCES + "?offering_uuid=" + finland)).isEqualTo(768);
        assertThat(count(lumi, RESOURCES + "?offering_uuid=" + finland + "," + sweden)).isEqualTo(768 + 513);
        assertThat(count(lumi, RESOURCES + "?offering_uuid=" + finland + "&offering_uuid=" + sweden))
                .isEqualTo(768 + 513);
        assertThat(count(lumi, RESOURCES + "?offering_uuid=" + offering("LUMI Denmark"))).isZero();
        assertThat(count(lumi, RESOURCES + "?offering=" + emulator.baseUrl() + "api/marketplace-provider-offerings/"
                + finland + "/")).isEqualTo(768);
        assertThat(count(lumi, RESOURCES + "?offering_slug=" + staff.getJson(OFFERINGS + sweden + "/").get("slug")
                .asText())).isEqualTo(513);
    }

    @Test
    void resourceOrderingUsesTheConsumerSideChoices() {
        JsonNode byEnd = lumi.getJson(RESOURCES + "?has_terminate_date=true&o=-end_date&page_size=300");
        assertThat(byEnd.findValuesAsText("end_date")).isSortedAccordingTo(Comparator.<String>reverseOrder());
        JsonNode byProject = deic.getJson(RESOURCES + "?o=project_name&page_size=20");
        assertThat(byProject.findValuesAsText("project_name")).isSorted();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "offering_uuid=xyz|{\"offering_uuid\":[\"Enter a valid UUID.\"]}",
        "offering_uuid=" + "29f427733ef140f295cf5a190b77ba6c,nope|{\"offering_uuid\":[\"Enter a valid UUID.\"]}",
        "order_state=bogus|{\"order_state\":[\"Select a valid choice. bogus is not one of the available choices.\"]}",
        "state=Done|{\"state\":[\"Select a valid choice. Done is not one of the available choices.\"]}",
        "component_count=three|{\"component_count\":[\"Enter a number.\"]}",
        "parent_offering_uuid=1|{\"parent_offering_uuid\":[\"Enter a valid UUID.\"]}",
        "o=cost|{\"o\":[\"Select a valid choice. cost is not one of the available choices.\"]}"})
    void invalidResourceFilterValuesAre400(String query, String body) {
        HttpResponse<String> response = lumi.get(RESOURCES + "?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(body);
    }

    /** One field of each element of a list body; findValuesAsText would also collect nested plan/component values. */
    private static List<String> top(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.get(field).asText()));
        return values;
    }

    private String offering(String name) {
        return staff.getJson(OFFERINGS + "?name_exact=" + name.replace(" ", "%20")).get(0).get("uuid").asText();
    }

    private String customer(String abbreviation) {
        return staff.getJson("/api/customers/?abbreviation=" + abbreviation).get(0).get("uuid").asText();
    }

    private static int count(Api api, String pathAndQuery) {
        HttpResponse<String> response = api.head(pathAndQuery);
        assertThat(response.statusCode()).as("HEAD " + pathAndQuery).isEqualTo(200);
        return Integer.parseInt(response.headers().firstValue("X-Result-Count").orElseThrow());
    }

    private static List<String> names(Api api, String pathAndQuery) {
        return top(api.getJson(pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "page_size=300"), "name");
    }

    private String path(String url) {
        return url.substring(emulator.baseUrl().toString().length() - 1);
    }
}
