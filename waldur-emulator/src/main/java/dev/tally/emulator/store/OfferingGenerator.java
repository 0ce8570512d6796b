package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated catalogue: LUMI's offerings with their plans and components. It draws from the generator's one
 * random stream, when {@link DatasetGenerator} calls it, and the access-type offerings from a second stream of their
 * own, so the data stays what it was.
 */
final class OfferingGenerator {
    private final SplittableRandom random;
    // Draws for the access-type offerings only, so adding them left every other generated value as it was.
    private final SplittableRandom accessRandom;
    private final Instant asOf;
    private final OrganisationGenerator organisations;
    private final DatasetGenerator.Rows rows;
    private final List<JsonRow> shareOfferings = new ArrayList<>();
    // allocator index → the access-type offering of each resource index modulo 10 (null: the share offering)
    private final Map<Integer, JsonRow[]> accessOfferings = new HashMap<>();
    private JsonRow objectStorage;
    private JsonRow training;

    OfferingGenerator(SplittableRandom random, SplittableRandom accessRandom, Instant asOf,
                      OrganisationGenerator organisations, DatasetGenerator.Rows rows) {
        this.random = random;
        this.accessRandom = accessRandom;
        this.asOf = asOf;
        this.organisations = organisations;
        this.rows = rows;
    }

    /**
     * Draws the offerings, each with its plan: one per national share, object storage, training, a scripted one, and
     * the access-type offerings (from their own random stream); returns them in that order.
     */
    List<JsonRow> offerings(String categoryUuid) {
        JsonRow provider = organisations.provider();
        Instant created = asOf.minus(Duration.ofDays(2060));
        List<JsonRow> all = new ArrayList<>();
        for (int i = 0; i < Catalog.ALLOCATORS.size(); i++) {
            Catalog.Allocator allocator = Catalog.ALLOCATORS.get(i);
            JsonRow offering = offering(random, allocator.offeringName(), "LUMI share of " + allocator.countryName(),
                    "Marketplace.Basic", shareOwner(i), categoryUuid, allocator.offeringCountry(), true, "Active",
                    Catalog.LUMI_COMPONENTS, "LUMI Common", "Default plan for all LUMI", sharePrices(allocator),
                    created.plusSeconds(900L * i));
            shareOfferings.add(offering);
            all.add(offering);
        }
        objectStorage = offering(random, "LUMI-O object storage", "S3-compatible object storage on LUMI", "Marketplace.Basic",
                provider, categoryUuid, "FI", true, "Active", List.of(Catalog.STORAGE), "LUMI-O Standard",
                "Object storage per GB kH", List.of(new Catalog.Price("gb_k_hours", new BigDecimal("0.0008"))),
                created.plus(Duration.ofDays(400)));
        training = offering(random, "Training sandbox", "Small free allocations for courses", "Marketplace.Basic",
                provider, categoryUuid, "", false, "Paused", List.of(Catalog.CPU, Catalog.GPU), "Training",
                "Free training allocation", List.of(new Catalog.Price("cpu_k_hours", BigDecimal.ZERO),
                        new Catalog.Price("gpu_k_hours", BigDecimal.ZERO)), created.plus(Duration.ofDays(500)));
        JsonRow script = offering(random, "LUMI custom script", "Provisioned by a provider script", "Marketplace.Script",
                provider, categoryUuid, "FI", true, "Active", List.of(Catalog.CPU), "Script plan", "Scripted allocation",
                List.of(new Catalog.Price("cpu_k_hours", new BigDecimal("0.1"))), created.plus(Duration.ofDays(600)));
        all.add(objectStorage);
        all.add(training);
        all.add(script);
        all.addAll(accessOfferings(categoryUuid, created.plus(Duration.ofDays(650))));
        return all;
    }

    /** The "LUMI &lt;Country&gt; / &lt;access type&gt;" offerings, each a copy of its share offering under a new name. */
    private List<JsonRow> accessOfferings(String categoryUuid, Instant created) {
        List<JsonRow> made = new ArrayList<>();
        for (Catalog.AccessOffering access : Catalog.ACCESS_OFFERINGS) {
            int i = 0;
            while (!Catalog.ALLOCATORS.get(i).offeringName().equals(access.shareOffering())) {
                i++;
            }
            Catalog.Allocator allocator = Catalog.ALLOCATORS.get(i);
            JsonRow offering = offering(accessRandom, access.name(), "LUMI share of " + allocator.countryName() + ", "
                    + access.accessType() + " access", "Marketplace.Basic", shareOwner(i), categoryUuid,
                    allocator.offeringCountry(), true, "Active", Catalog.LUMI_COMPONENTS, "LUMI Common",
                    "Default plan for all LUMI", sharePrices(allocator), created.plusSeconds(900L * made.size()));
            JsonRow[] byResidue = accessOfferings.computeIfAbsent(i, k -> new JsonRow[10]);
            access.residues().forEach(r -> byResidue[r] = offering);
            made.add(offering);
        }
        return made;
    }

    private JsonRow shareOwner(int allocatorIndex) {
        return Catalog.ALLOCATORS.get(allocatorIndex).ownsShare() ? organisations.allocatorCustomer(allocatorIndex)
                : organisations.provider();
    }

    private static List<Catalog.Price> sharePrices(Catalog.Allocator allocator) {
        return allocator.offeringName().equals(Catalog.DIFFERENT_PRICES_OFFERING)
                ? Catalog.SWISS_PRICES : Catalog.COMMON_PRICES;
    }

    /** The offering of a share allocation: its share's, unless an access-type offering takes its index. */
    JsonRow shareOffering(int allocatorIndex, int index) {
        JsonRow[] byResidue = accessOfferings.get(allocatorIndex);
        JsonRow access = byResidue == null ? null : byResidue[index % 10];
        return access != null ? access : shareOfferings.get(allocatorIndex);
    }

    private JsonRow offering(SplittableRandom r, String name, String description, String type, JsonRow owner, String categoryUuid,
                             String country, boolean billable, String state, List<Catalog.Component> components,
                             String planName, String planDescription, List<Catalog.Price> prices, Instant created) {
        String uuid = Ids.uuid(r);
        ObjectNode node = Json.NODES.objectNode();
        node.put("url", "/api/marketplace-public-offerings/" + uuid + "/");
        node.put("uuid", uuid);
        node.put("created", Ids.timestamp(created.plusNanos(r.nextLong(1_000_000) * 1000)));
        node.put("name", name);
        node.put("slug", Records.slug(name, uuid));
        node.put("description", description);
        node.put("full_description", "<h2>Overview</h2>LUMI is a pre-exascale EuroHPC supercomputer in CSC’s data "
                + "center in Kajaani, Finland.");
        node.set("endpoints", Json.NODES.arrayNode());
        node.set("roles", Json.NODES.arrayNode());
        node.put("customer", owner.text("url"));
        node.put("customer_uuid", owner.uuid());
        node.put("customer_name", owner.text("name"));
        node.put("customer_slug", owner.text("slug"));
        node.putNull("project");
        node.putNull("project_uuid");
        node.putNull("project_name");
        node.put("category", "/api/marketplace-categories/" + categoryUuid + "/");
        node.put("category_uuid", categoryUuid);
        node.put("category_title", "HPC");
        node.set("attributes", Json.NODES.objectNode());
        ObjectNode options = Json.NODES.objectNode();
        options.set("order", Json.NODES.arrayNode());
        options.set("options", Json.NODES.objectNode());
        node.set("options", options);
        node.set("resource_options", lumiResourceOptions());
        ArrayNode componentNodes = node.putArray("components");
        for (Catalog.Component component : components) {
            componentNodes.add(component(r, component));
        }
        ObjectNode pluginOptions = Json.NODES.objectNode();
        pluginOptions.put("auto_approve_in_service_provider_projects", true);
        node.set("plugin_options", pluginOptions);
        node.put("state", state);
        node.put("vendor_details", "");
        node.put("getting_started", "");
        node.put("integration_guide", "");
        node.putNull("thumbnail");
        node.put("order_count", 0);
        ArrayNode plans = node.putArray("plans");
        JsonRow plan = rows.row(plan(r, uuid, planName, planDescription, components, prices));
        plans.add(plan.node());
        node.set("screenshots", Json.NODES.arrayNode());
        node.put("type", type);
        node.put("shared", true);
        node.put("billable", billable);
        node.set("files", Json.NODES.arrayNode());
        node.put("paused_reason", "Paused".equals(state) ? "Between course terms" : "");
        node.put("datacite_doi", "");
        node.put("citation_count", -1);
        node.put("latitude", 64.2310486);
        node.put("longitude", 27.7040942);
        node.put("country", country);
        node.put("backend_id", "");
        node.set("organization_groups", Json.NODES.arrayNode());
        node.set("tags", Json.NODES.arrayNode());
        node.putNull("image");
        node.putNull("total_customers");
        node.putNull("total_cost");
        node.putNull("total_cost_estimated");
        node.put("has_compliance_requirements", false);
        node.put("billing_type_classification", "limit_only");
        node.put("is_accessible", true);
        node.putNull("google_calendar_is_public");
        JsonRow row = rows.row(node);
        rows.plan(row, plan);
        return row;
    }

    private static ObjectNode component(SplittableRandom r, Catalog.Component component) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("uuid", Ids.uuid(r));
        // limit, not usage: current Waldur only prices and accepts limits for limit components (docs/emulator.md, "Cost").
        node.put("billing_type", "limit");
        node.put("type", component.type());
        node.put("name", component.name());
        node.put("description", "");
        node.put("measured_unit", component.measuredUnit());
        node.put("unit_factor", 1);
        node.put("limit_period", "month");
        node.putNull("limit_amount");
        node.put("article_code", "");
        node.putNull("max_value");
        node.putNull("min_value");
        node.putNull("max_available_limit");
        node.put("is_boolean", false);
        node.putNull("default_limit");
        node.putNull("factor");
        node.put("is_builtin", false);
        node.put("is_prepaid", false);
        return node;
    }

    private static ObjectNode lumiResourceOptions() {
        ObjectNode resourceOptions = Json.NODES.objectNode();
        ArrayNode order = resourceOptions.putArray("order");
        ObjectNode options = resourceOptions.putObject("options");
        for (String[] flag : new String[][] {
            {"is_industry", "Industry project", "The PI or a project member is from a company"},
            {"is_commercial", "Commercial use", "Pay-per-use industrial access"},
            {"is_training", "Training", "Allocation for training or courses"}}) {
            order.add(flag[0]);
            ObjectNode field = options.putObject(flag[0]);
            field.put("type", "boolean");
            field.put("label", flag[1]);
            field.put("help_text", flag[2]);
            field.put("required", false);
        }
        order.add("used_ai_tech");
        ObjectNode ai = options.putObject("used_ai_tech");
        ai.put("type", "select_string_multi");
        ai.put("label", "Used AI technologies");
        ai.put("help_text", "Select all AI methods used by the project");
        ai.put("required", false);
        ArrayNode choices = ai.putArray("choices");
        Catalog.AI_TECH.forEach(choices::add);
        return resourceOptions;
    }

    private static ObjectNode plan(SplittableRandom r, String offeringUuid, String name, String description,
                                List<Catalog.Component> components, List<Catalog.Price> prices) {
        String uuid = Ids.uuid(r);
        ObjectNode node = Json.NODES.objectNode();
        node.put("url", "/api/marketplace-public-offerings/" + offeringUuid + "/plans/" + uuid + "/");
        node.put("uuid", uuid);
        node.put("name", name);
        node.put("description", description);
        node.put("article_code", "");
        node.putNull("max_amount");
        node.put("archived", false);
        node.put("is_active", true);
        node.put("unit_price", Ids.decimal10(BigDecimal.ZERO));
        node.put("unit", "month");
        node.put("init_price", 0.0);
        node.put("switch_price", 0.0);
        node.put("backend_id", "");
        node.set("organization_groups", Json.NODES.arrayNode());
        ArrayNode componentNodes = node.putArray("components");
        ObjectNode priceMap = Json.NODES.objectNode();
        ObjectNode quotas = Json.NODES.objectNode();
        for (Catalog.Component component : components) {
            BigDecimal price = prices.stream().filter(p -> p.type().equals(component.type()))
                    .map(Catalog.Price::price).findFirst().orElse(BigDecimal.ZERO);
            ObjectNode c = componentNodes.addObject();
            c.put("type", component.type());
            c.put("name", component.name());
            c.put("measured_unit", component.measuredUnit());
            c.put("amount", 0);
            c.put("price", Ids.decimal10(price));
            c.putNull("future_price");
            c.putNull("discount_threshold");
            c.putNull("discount_rate");
            priceMap.put(component.type(), price);
            quotas.put(component.type(), 0);
        }
        node.set("prices", priceMap);
        node.set("future_prices", Json.NODES.objectNode());
        node.set("quotas", quotas);
        node.put("resources_count", 0);
        node.put("plan_type", "limit");
        node.put("minimal_price", 0.0);
        return node;
    }

    /** The object storage offering. */
    JsonRow objectStorage() {
        return objectStorage;
    }

    /** The training offering. */
    JsonRow training() {
        return training;
    }
}
