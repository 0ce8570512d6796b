package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.MarketplaceRecords.OrderSpec;
import dev.tally.emulator.store.MarketplaceRecords.ResourceSpec;
import dev.tally.emulator.store.OrganisationRecords.ProjectSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates a LUMI-like marketplace from a seed and a scale. Only {@link SplittableRandom} and the fixed
 * {@code asOf} instant feed it, never the wall clock, so the same inputs give byte-identical JSON.
 *
 * <p>Scale 1: 11 customers, 20 offerings, 2,500 projects, 4,000 resources, about 6,000 orders and about 100,000
 * monthly component usages over the 24 months before {@code asOf}. Scale N multiplies the last four.
 */
public final class DatasetGenerator {
    static final int PROJECTS_PER_SCALE = 2500;
    static final int RESOURCES_PER_SCALE = 4000;
    private static final long[] CPU_LIMITS = {50, 100, 200, 300, 500, 1000, 2000, 5000, 10000, 25000};
    private static final long[] GPU_LIMITS = {10, 20, 50, 100, 250, 500, 1000, 2000};
    private static final long[] STORAGE_LIMITS = {100, 500, 1000, 5000, 10000, 50000};

    private final SplittableRandom random;
    // Draws for the access-type offerings only, so adding them left every other generated value as it was.
    private final SplittableRandom accessRandom;
    private final int scale;
    private final Instant asOf;
    private final Store store;
    private final List<JsonRow> allocatorCustomers = new ArrayList<>();
    private final List<JsonRow> shareOfferings = new ArrayList<>();
    // allocator index → the access-type offering of each resource index modulo 10 (null: the share offering)
    private final Map<Integer, JsonRow[]> accessOfferings = new HashMap<>();
    private final Map<String, User> allocatorUsers = new HashMap<>();
    private final Map<String, JsonRow> customersByUuid = new HashMap<>();
    private JsonRow provider;
    private User providerUser;
    private User staff;
    private JsonRow objectStorage;
    private JsonRow training;
    private final Map<YearMonth, LocalDate> billingPeriods = new HashMap<>();
    private final Map<String, SharedParts> sharedParts = new HashMap<>();
    private int resourceIndex;

    private DatasetGenerator(long seed, int scale, Instant asOf) {
        this.random = new SplittableRandom(seed);
        this.accessRandom = new SplittableRandom(~seed);
        this.scale = scale;
        this.asOf = asOf;
        this.store = new Store(seed, asOf);
    }

    /** Builds the whole store; {@code staffToken} becomes the key of the one staff user. */
    public static Store generate(long seed, int scale, Instant asOf, String staffToken) {
        DatasetGenerator generator = new DatasetGenerator(seed, scale, asOf);
        generator.run(staffToken);
        return generator.store;
    }

    private void run(String staffToken) {
        staff = new User("staff", "staff-password", "Demo Staff", true, null, staffToken);
        store.addUser(staff);
        customers();
        String categoryUuid = Ids.uuid(random);
        offerings(categoryUuid);
        List<JsonRow> projects = projects();
        int resourceCount = RESOURCES_PER_SCALE * scale;
        // Sized from the seed-42 counts (1.52 orders and 24.3 usages per resource), so the lists never regrow.
        List<JsonRow> resources = new ArrayList<>(resourceCount);
        List<JsonRow> orders = new ArrayList<>(resourceCount * 8 / 5);
        List<UsageRow> usages = new ArrayList<>(resourceCount * 25);
        for (int i = 0; i < resourceCount; i++) {
            JsonRow project = projects.get(random.nextInt(projects.size()));
            resource(project, resources, orders, usages);
        }
        store.projects().addAll(projects);
        store.resources().addAll(resources);
        store.orders().addAll(orders);
        // Already in order, so the table's own sort only confirms it in one linear pass.
        store.usages().addAll(UsageRow.sortedInDefaultOrder(usages));
        counters();
    }

    private void customers() {
        Instant start = asOf.minus(Duration.ofDays(2063));
        int i = 0;
        for (Catalog.Allocator allocator : Catalog.ALLOCATORS) {
            JsonRow customer = customer(allocator.name(), allocator.abbreviation(), allocator.slug(),
                    allocator.country(), allocator.countryName(), start.plusSeconds(600L * i++), allocator.ownsShare());
            allocatorCustomers.add(customer);
            User user = new User(allocator.slug() + "-allocator", allocator.slug() + "-password",
                    allocator.abbreviation() + " allocator", false, customer.uuid(), Ids.token(random));
            allocatorUsers.put(customer.uuid(), user);
            store.addUser(user);
        }
        provider = customer(Catalog.PROVIDER_NAME, "LUMI", "lumi", "FI", "Finland", start.plusSeconds(600L * i), true);
        providerUser = new User("lumi-sp", "lumi-password", "LUMI service provider", false, provider.uuid(),
                Ids.token(random));
        store.addUser(providerUser);
        List<JsonRow> all = new ArrayList<>(allocatorCustomers);
        all.add(provider);
        store.customers().addAll(all);
    }

    private JsonRow customer(String name, String abbreviation, String slug, String country, String countryName,
                             Instant created, boolean serviceProvider) {
        String uuid = Ids.uuid(random);
        String createdText = Ids.timestamp(created.plusNanos(random.nextLong(1_000_000) * 1000));
        // 8.0.5 types email and homepage as email and uri, so blank strings would not validate; use placeholders.
        ObjectNode node = OrganisationRecords.customer(uuid, createdText, name, abbreviation, slug, country, countryName,
                "allocations@" + slug + ".example.org", "https://" + slug + ".example.org/",
                serviceProvider ? Ids.uuid(random) : null);
        JsonRow row = new JsonRow(node);
        customersByUuid.put(uuid, row);
        return row;
    }

    private void offerings(String categoryUuid) {
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
        store.offerings().addAll(all);
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
        return Catalog.ALLOCATORS.get(allocatorIndex).ownsShare() ? allocatorCustomers.get(allocatorIndex) : provider;
    }

    private static List<Catalog.Price> sharePrices(Catalog.Allocator allocator) {
        return allocator.offeringName().equals(Catalog.DIFFERENT_PRICES_OFFERING)
                ? Catalog.SWISS_PRICES : Catalog.COMMON_PRICES;
    }

    /** The offering of a share allocation: its share's, unless an access-type offering takes its index. */
    private JsonRow shareOffering(int allocatorIndex, int index) {
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
        JsonRow plan = plan(r, uuid, planName, planDescription, components, prices);
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
        JsonRow row = new JsonRow(node);
        store.addPlan(row, plan);
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

    private static JsonRow plan(SplittableRandom r, String offeringUuid, String name, String description,
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
        return new JsonRow(node);
    }

    private List<JsonRow> projects() {
        int total = PROJECTS_PER_SCALE * scale;
        int weightSum = Catalog.ALLOCATORS.stream().mapToInt(Catalog.Allocator::weight).sum();
        List<JsonRow> projects = new ArrayList<>(total);
        long windowSeconds = Duration.ofDays(1350).toSeconds();
        for (int i = 0; i < total; i++) {
            int pick = random.nextInt(weightSum);
            int a = 0;
            while (pick >= Catalog.ALLOCATORS.get(a).weight()) {
                pick -= Catalog.ALLOCATORS.get(a).weight();
                a++;
            }
            JsonRow customer = allocatorCustomers.get(a);
            Instant created = asOf.minus(Duration.ofDays(10)).minusSeconds(random.nextLong(windowSeconds))
                    .minusNanos(random.nextLong(1_000_000) * 1000);
            projects.add(project(customer, created, i));
        }
        return projects;
    }

    private JsonRow project(JsonRow customer, Instant created, int index) {
        String uuid = Ids.uuid(random);
        String topic = Catalog.PROJECT_TOPICS.get(random.nextInt(Catalog.PROJECT_TOPICS.size()));
        String name = random.nextInt(50) == 0 ? topic
                : topic + " " + Catalog.PROJECT_SUFFIXES.get(random.nextInt(Catalog.PROJECT_SUFFIXES.size()))
                  + " " + (1000 + random.nextInt(9000));
        String description = random.nextInt(3) == 0 ? "" : "Allocation for " + name;
        // Puhuri: backend_id carries the allocator's own project id; some allocators leave it blank.
        String backendId = random.nextInt(10) == 0 ? ""
                : customer.text("abbreviation").toLowerCase() + "-" + (462000000 + index);
        String startDate = random.nextInt(4) == 0 ? LocalDate.ofInstant(created, ZoneOffset.UTC).toString() : null;
        int oecd = random.nextInt(20);
        String code = oecd == 0 ? null : oecd == 1 ? ""
                : Catalog.OECD_CODES.get(random.nextInt(Catalog.OECD_CODES.size()));
        boolean industry = random.nextInt(100) < 8;
        int kind = random.nextInt(100);
        return new JsonRow(OrganisationRecords.project(new ProjectSpec(uuid, name, customer, description,
                Ids.timestamp(created), backendId, startDate, null, code, industry,
                kind < 90 ? "default" : kind < 97 ? "course" : "public")));
    }

    private void resource(JsonRow project, List<JsonRow> resources, List<JsonRow> orders, List<UsageRow> usages) {
        int index = resourceIndex++;
        JsonRow customer = customersByUuid.get(project.text("customer_uuid"));
        int allocatorIndex = allocatorCustomers.indexOf(customer);
        int kind = random.nextInt(100);
        JsonRow offering = kind < 90 ? shareOffering(allocatorIndex, index) : kind < 97 ? objectStorage : training;
        JsonRow plan = store.plan(offering.get("plans").get(0).get("uuid").asText()).orElseThrow();
        User consumer = allocatorUsers.get(customer.uuid());
        User reviewer = offering.text("customer_uuid").equals(provider.uuid()) ? providerUser
                : allocatorUsers.get(offering.text("customer_uuid"));

        OrderState createState = pick(new OrderState[] {OrderState.DONE, OrderState.PENDING_CONSUMER,
            OrderState.PENDING_PROVIDER, OrderState.EXECUTING, OrderState.ERRED, OrderState.REJECTED,
            OrderState.CANCELED}, new int[] {930, 10, 15, 10, 15, 15, 5});
        Instant projectCreated = Instant.parse(project.text("created"));
        Instant created;
        // Finished Creates happened any time after the project began; open ones are recent.
        if (!createState.open()) {
            long room = Duration.between(projectCreated, asOf.minus(Duration.ofDays(8))).toSeconds();
            created = projectCreated.plusSeconds(random.nextLong(Math.max(1, Math.min(room, 200L * 86400))));
        } else {
            created = recent();
        }
        created = created.plusNanos(random.nextLong(1_000_000) * 1000);

        ObjectNode limits = limits(offering);
        String name = resourceName(project, index);
        JsonNode options = options(project);
        ObjectNode attributes = Json.NODES.objectNode();
        attributes.put("name", name);
        if (options != null && options.isObject()) {
            options.fields().forEachRemaining(e -> attributes.set(e.getKey(), e.getValue().deepCopy()));
        }
        String resourceUuid = Ids.uuid(random);
        User creator = random.nextInt(10) == 0 ? staff : consumer;
        ObjectNode create = MarketplaceRecords.order(new OrderSpec(Ids.uuid(random), OrderType.CREATE, project, offering, plan,
                limits, attributes, Ids.timestamp(created), resourceUuid, name, creator, null));
        JsonRow createRow = new JsonRow(create);
        shareOfferingParts(create, offering);
        orders.add(createRow);
        Instant resourceCreated = created.plusNanos((20 + random.nextLong(180)) * 1_000_000);
        String backendId = createState == OrderState.DONE ? "project_" + (465000000 + index) : "";
        ObjectNode resource = MarketplaceRecords.resource(new ResourceSpec(resourceUuid, name, project, offering, plan,
                limits, attributes, options, Ids.timestamp(resourceCreated), backendId));
        JsonRow resourceRow = new JsonRow(resource);
        shareOfferingParts(resource, offering);
        resources.add(resourceRow);

        Instant createDone = advance(create, createState, created, consumer, reviewer, creator.staff());
        // A Create still pending or executing leaves the resource Creating, as MarketplaceRecords made it.
        if (follow(create, resource, createDone) == ResourceState.ERRED) {
            resource.put("error_message", "Slurm account creation failed");
        }
        if (createState != OrderState.DONE) {
            return;
        }
        history(project, offering, plan, resourceRow, createRow, createDone, consumer, reviewer, orders, usages,
                index);
    }

    private void history(JsonRow project, JsonRow offering, JsonRow plan, JsonRow resourceRow, JsonRow createRow,
                         Instant createDone, User consumer, User reviewer, List<JsonRow> orders,
                         List<UsageRow> usages, int index) {
        ObjectNode resource = resourceRow.node();
        Instant latest = asOf.minus(Duration.ofDays(1));
        Instant terminateAt = null;
        OrderState terminateState = null;
        if (random.nextInt(100) < 30 && Duration.between(createDone, latest).toDays() > 40) {
            terminateState = pick(new OrderState[] {OrderState.DONE, OrderState.EXECUTING, OrderState.PENDING_CONSUMER,
                OrderState.PENDING_PROVIDER, OrderState.ERRED, OrderState.REJECTED, OrderState.CANCELED},
                    new int[] {880, 30, 30, 30, 15, 10, 5});
            if (terminateState == OrderState.DONE || terminateState == OrderState.REJECTED
                    || terminateState == OrderState.CANCELED) {
                long span = Duration.between(createDone, latest.minus(Duration.ofDays(6))).toSeconds();
                terminateAt = createDone.plusSeconds(span / 4 + random.nextLong(Math.max(1, span * 3 / 4)));
            } else {
                terminateAt = recent();
            }
        }
        Instant horizon = terminateAt != null ? terminateAt : latest;

        JsonNode currentLimits = createRow.get("limits");
        BigDecimal currentCost = Cost.estimate(offering.node(), plan.node(), currentLimits);
        List<Instant> limitChanges = new ArrayList<>();
        List<JsonNode> limitValues = new ArrayList<>();
        limitChanges.add(createDone);
        limitValues.add(currentLimits);
        int roll = random.nextInt(100);
        int updates = roll < 84 ? 0 : roll < 95 ? 1 : roll < 99 ? 2 : 3;
        Instant t = createDone;
        for (int u = 0; u < updates; u++) {
            long span = Duration.between(t, horizon.minus(Duration.ofDays(6))).toSeconds();
            if (span < 7200) {
                break;
            }
            Instant at = t.plusSeconds(span / 10 + random.nextLong(Math.max(1, span / 2)))
                    .plusNanos(random.nextLong(1_000_000) * 1000);
            ObjectNode newLimits = limits(offering);
            ObjectNode updateAttributes = Json.NODES.objectNode();
            updateAttributes.set("old_limits", currentLimits.deepCopy());
            ObjectNode update = MarketplaceRecords.order(new OrderSpec(Ids.uuid(random), OrderType.UPDATE, project, offering, plan,
                    newLimits, updateAttributes, Ids.timestamp(at), resourceRow.uuid(), resourceRow.text("name"),
                    consumer, currentCost));
            orders.add(new JsonRow(update));
            shareOfferingParts(update, offering);
            t = advance(update, OrderState.DONE, at, consumer, reviewer, false);
            follow(update, resource, t);
            currentLimits = newLimits;
            currentCost = Cost.estimate(offering.node(), plan.node(), currentLimits);
            limitChanges.add(t);
            limitValues.add(currentLimits);
        }
        resource.set("limits", currentLimits.deepCopy());
        resource.put("modified", Ids.timestamp(t));
        // A handful of deliberate drifts (about 4 per 4,000): the backend changed the limit without an order.
        if (index % 997 == 500) {
            ObjectNode drifted = (ObjectNode) resource.get("limits");
            drifted.put(drifted.fieldNames().next(), drifted.elements().next().asLong() + 1);
        }

        Instant usageEnd = latest;
        if (terminateState != null) {
            ObjectNode terminate = MarketplaceRecords.order(new OrderSpec(Ids.uuid(random), OrderType.TERMINATE, project,
                    offering, null, null, Json.NODES.objectNode(), Ids.timestamp(terminateAt), resourceRow.uuid(),
                    resourceRow.text("name"), consumer, currentCost));
            orders.add(new JsonRow(terminate));
            shareOfferingParts(terminate, offering);
            Instant done = advance(terminate, terminateState, terminateAt, consumer, reviewer, false);
            if (terminateState == OrderState.DONE) {
                usageEnd = done;
            }
            if (follow(terminate, resource, done) == null) {
                // A termination not under way leaves the resource OK; the generator stamps the order's last step.
                OrderLifecycle.setResourceState(resource, ResourceState.OK, done);
            }
        } else if (random.nextInt(100) < 8) {
            // A trailing Update that is still in flight or failed: the resource keeps its previous limits.
            OrderState state = pick(new OrderState[] {OrderState.PENDING_CONSUMER, OrderState.PENDING_PROVIDER,
                OrderState.EXECUTING, OrderState.ERRED, OrderState.REJECTED, OrderState.CANCELED},
                    new int[] {25, 25, 20, 10, 15, 5});
            Instant at = recent();
            if (at.isAfter(t)) {
                ObjectNode updateAttributes = Json.NODES.objectNode();
                updateAttributes.set("old_limits", currentLimits.deepCopy());
                ObjectNode update = MarketplaceRecords.order(new OrderSpec(Ids.uuid(random), OrderType.UPDATE, project, offering,
                        plan, limits(offering), updateAttributes, Ids.timestamp(at), resourceRow.uuid(),
                        resourceRow.text("name"), consumer, currentCost));
                orders.add(new JsonRow(update));
                shareOfferingParts(update, offering);
                follow(update, resource, advance(update, state, at, consumer, reviewer, false));
            }
        }
        resource.put("can_terminate", ResourceState.OK.is(resourceRow) || ResourceState.ERRED.is(resourceRow));
        usages(resourceRow, createDone, usageEnd, limitChanges, limitValues, usages);
    }

    /**
     * Points a generated order's or resource's copy of the offering's plugin options and components at one copy per
     * offering. Those copies were about a third of the heap at scale 20 (three 19-field components per resource), and
     * start-up time went to the garbage collector copying them. Nothing changes these subtrees in place: writers
     * replace whole fields, and rendering works on a deep copy. The text is unchanged, as the copies were equal.
     */
    private void shareOfferingParts(ObjectNode row, JsonRow offering) {
        SharedParts parts = sharedParts.computeIfAbsent(offering.uuid(), uuid -> new SharedParts(
                offering.get("plugin_options").deepCopy(), offering.get("components").deepCopy()));
        row.set("offering_plugin_options", parts.pluginOptions());
        if (row.has("offering_components")) {
            row.set("offering_components", parts.components());
        }
    }

    private record SharedParts(JsonNode pluginOptions, JsonNode components) {
    }

    private void usages(JsonRow resource, Instant start, Instant end, List<Instant> changes, List<JsonNode> values,
                        List<UsageRow> usages) {
        YearMonth first = YearMonth.from(start.atZone(ZoneOffset.UTC));
        YearMonth windowStart = YearMonth.from(asOf.atZone(ZoneOffset.UTC)).minusMonths(24);
        if (first.isBefore(windowStart)) {
            first = windowStart;
        }
        YearMonth last = YearMonth.from(end.atZone(ZoneOffset.UTC));
        // Read the component fields once per resource, not once per month; the rows share these strings.
        JsonNode offeringComponents = resource.get("offering_components");
        int componentCount = offeringComponents.size();
        String[] types = new String[componentCount];
        String[] names = new String[componentCount];
        String[] units = new String[componentCount];
        for (int c = 0; c < componentCount; c++) {
            JsonNode component = offeringComponents.get(c);
            types[c] = component.get("type").asText();
            names[c] = component.get("name").asText();
            units[c] = component.get("measured_unit").asText();
        }
        ObjectNode current = Json.NODES.objectNode();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            // The provider reports in the last days of the month, or at termination time if earlier.
            Instant reported = monthEnd.minusSeconds(3600 + random.nextLong(3L * 86400));
            if (reported.isAfter(end)) {
                reported = end;
            }
            if (reported.isBefore(start)) {
                reported = start;
            }
            reported = reported.plusNanos(random.nextLong(1_000_000) * 1000);
            JsonNode limits = values.get(0);
            for (int i = 0; i < changes.size(); i++) {
                if (!changes.get(i).isAfter(reported)) {
                    limits = values.get(i);
                }
            }
            // Limits are monthly quantities: a month the allocation existed in only partly gets that
            // share of them, or nearly every first and last month would look like overuse.
            Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant from = start.isAfter(monthStart) ? start : monthStart;
            Instant to = end.isBefore(monthEnd) ? end : monthEnd;
            double share = Math.max(0, Duration.between(from, to).toSeconds()) / (double) Duration.between(monthStart, monthEnd).toSeconds();
            long reportedMicros = Ids.micros(reported);
            LocalDate billingPeriod = billingPeriod(month);
            for (int c = 0; c < componentCount; c++) {
                String type = types[c];
                long limit = limits.path(type).asLong(0);
                if (limit <= 0) {
                    continue;
                }
                // Idle components are often not reported at all, so some months have no record for them.
                if (random.nextInt(100) < 18) {
                    continue;
                }
                // Up to the (share of the) limit; overuse is rare: draws above 0.998 go up to 0.2% over.
                long used = random.nextInt(20) == 0 ? 0 : Math.round(limit * share * random.nextDouble() * 1.002);
                // Draw order as before (UUID halves, then the creation offset), so the data stays the same.
                long uuidHigh = Ids.uuidHigh(random);
                long uuidLow = Ids.uuidLow(random);
                long createdMicros = reportedMicros + (5 + random.nextLong(40)) * 1000;
                usages.add(new UsageRow(uuidHigh, uuidLow, createdMicros, resource, type, names[c], units[c],
                        billingPeriod, used, reportedMicros, "", false));
                current.put(type, used);
            }
        }
        resource.node().set("current_usages", current);
    }

    // One LocalDate per month for all rows: two million rows otherwise carry two million equal dates.
    private LocalDate billingPeriod(YearMonth month) {
        return billingPeriods.computeIfAbsent(month, m -> m.atDay(1));
    }

    private ObjectNode limits(JsonRow offering) {
        ObjectNode limits = Json.NODES.objectNode();
        for (JsonNode component : offering.get("components")) {
            String type = component.get("type").asText();
            long value = switch (type) {
                case "cpu_k_hours" -> CPU_LIMITS[random.nextInt(CPU_LIMITS.length)];
                case "gpu_k_hours" -> random.nextInt(5) < 3 ? 0 : GPU_LIMITS[random.nextInt(GPU_LIMITS.length)];
                default -> STORAGE_LIMITS[random.nextInt(STORAGE_LIMITS.length)];
            };
            limits.put(type, value);
        }
        return limits;
    }

    private JsonNode options(JsonRow project) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return null;
        }
        ObjectNode options = Json.NODES.objectNode();
        if (roll < 25) {
            return options;
        }
        boolean industry = project.get("is_industry").asBoolean() ? random.nextInt(5) != 0 : random.nextInt(30) == 0;
        options.put("is_industry", industry);
        options.put("is_commercial", industry && random.nextInt(3) == 0);
        if (random.nextInt(10) != 0) {
            options.put("is_training", random.nextInt(100) < 8);
        }
        if (random.nextInt(10) != 0) {
            ArrayNode ai = options.putArray("used_ai_tech");
            int count = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(2);
            List<String> choices = new ArrayList<>(Catalog.AI_TECH);
            for (int i = 0; i < count; i++) {
                ai.add(choices.remove(random.nextInt(choices.size())));
            }
        }
        return options;
    }

    private String resourceName(JsonRow project, int index) {
        String projectName = project.text("name");
        return switch (random.nextInt(4)) {
            case 0 -> projectName;
            case 1 -> projectName + " allocation";
            case 2 -> "alloc-" + (100000 + index);
            default -> projectName + " / " + (2023 + random.nextInt(4));
        };
    }

    /**
     * Walks an order from pending-consumer to {@code state} through {@link OrderLifecycle}'s steps, at drawn times,
     * and returns when it got there.
     */
    private Instant advance(ObjectNode order, OrderState state, Instant created, User consumer, User provider,
                            boolean createdByStaff) {
        Instant t = created;
        if (state == OrderState.PENDING_CONSUMER) {
            return t;
        }
        t = t.plusSeconds(createdByStaff ? 0 : 60 + random.nextLong(2L * 86400)).plusNanos(1000L * (1 + random.nextInt(999)));
        if (state != OrderState.CANCELED || random.nextBoolean()) {
            OrderLifecycle.reviewByConsumer(order, consumer, t);
        }
        if (state == OrderState.REJECTED && random.nextBoolean()) {
            OrderLifecycle.rejectByConsumer(order, "Not eligible for this call", t);
            return t;
        }
        if (state == OrderState.PENDING_PROVIDER) {
            OrderLifecycle.moveTo(order, state, t);
            return t;
        }
        t = t.plusSeconds(60 + random.nextLong(3L * 86400)).plusNanos(1000L * (1 + random.nextInt(999)));
        if (state == OrderState.CANCELED) {
            OrderLifecycle.finish(order, state, t);
            return t;
        }
        OrderLifecycle.reviewByProvider(order, provider, t);
        if (state == OrderState.REJECTED) {
            OrderLifecycle.rejectByProvider(order, "Insufficient capacity in this period", t);
            return t;
        }
        if (state == OrderState.EXECUTING) {
            OrderLifecycle.moveTo(order, state, t);
            return t;
        }
        t = t.plusSeconds(1 + random.nextLong(600)).plusNanos(1000L * (1 + random.nextInt(999)));
        if (state == OrderState.ERRED) {
            OrderLifecycle.fail(order, "Backend request failed: timeout", t);
            return t;
        }
        OrderLifecycle.finish(order, OrderState.DONE, t);
        return t;
    }

    /** The resource follows its order's state as in {@link OrderLifecycle}; returns the state it is in afterwards. */
    private ResourceState follow(ObjectNode order, ObjectNode resource, Instant at) {
        OrderState state = OrderState.of(order.get("state").asText());
        ResourceState next = OrderLifecycle.resourceStateAfter(OrderType.ofWire(order.get("type").asText()), state);
        if (state == OrderState.DONE) {
            OrderLifecycle.applyDone(order, resource, store, at);
        } else if (next != null) {
            OrderLifecycle.setResourceState(resource, next, at);
        }
        return next;
    }

    // Orders still in flight at asOf: created in the last two weeks, late enough that reviews stay before asOf.
    private Instant recent() {
        return asOf.minus(Duration.ofDays(6)).minusSeconds(random.nextLong(8L * 86400));
    }

    private <T> T pick(T[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private void counters() {
        Map<String, Integer> projectsPerCustomer = new HashMap<>();
        for (JsonRow project : store.projects().rows()) {
            projectsPerCustomer.merge(project.text("customer_uuid"), 1, Integer::sum);
        }
        for (JsonRow customer : store.customers().rows()) {
            customer.node().put("projects_count", projectsPerCustomer.getOrDefault(customer.uuid(), 0));
        }
        Map<String, Integer> activePerProject = new HashMap<>();
        Map<String, Integer> perPlan = new HashMap<>();
        for (JsonRow resource : store.resources().rows()) {
            if (!ResourceState.TERMINATED.is(resource)) {
                activePerProject.merge(resource.text("project_uuid"), 1, Integer::sum);
                perPlan.merge(resource.text("plan_uuid"), 1, Integer::sum);
            }
        }
        for (JsonRow project : store.projects().rows()) {
            project.node().put("resources_count", activePerProject.getOrDefault(project.uuid(), 0));
        }
        Map<String, Integer> ordersPerOffering = new HashMap<>();
        for (JsonRow order : store.orders().rows()) {
            ordersPerOffering.merge(order.text("offering_uuid"), 1, Integer::sum);
        }
        for (JsonRow offering : store.offerings().rows()) {
            offering.node().put("order_count", ordersPerOffering.getOrDefault(offering.uuid(), 0));
            for (JsonNode plan : offering.get("plans")) {
                ((ObjectNode) plan).put("resources_count", perPlan.getOrDefault(plan.get("uuid").asText(), 0));
            }
        }
    }
}
