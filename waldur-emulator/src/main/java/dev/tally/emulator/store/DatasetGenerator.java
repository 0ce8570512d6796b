package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>Its parts draw what they generate ({@link OrganisationGenerator}, {@link OfferingGenerator},
 * {@link AllocationGenerator}, {@link UsageGenerator}), all from the one random stream, in the order this class calls
 * them: every value depends on the draws before it, so that order is the data. This class alone makes the rows and
 * fills the store (the store's writers are few and named, docs/architecture.md); the parts hand it what they drew
 * through {@link Rows}.
 */
public final class DatasetGenerator {
    static final int PROJECTS_PER_SCALE = 2500;
    static final int RESOURCES_PER_SCALE = 4000;

    private final SplittableRandom random;
    // Draws for the access-type offerings only, so adding them left every other generated value as it was.
    private final SplittableRandom accessRandom;
    private final int scale;
    private final Instant asOf;
    private final Store store;
    private final Rows rows = new StoreRows();

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
        User staff = new User("staff", "staff-password", "Demo Staff", true, null, staffToken);
        store.addUser(staff);
        OrganisationGenerator organisations = new OrganisationGenerator(random, asOf, rows);
        store.customers().addAll(organisations.customers());
        String categoryUuid = Ids.uuid(random);
        OfferingGenerator offerings = new OfferingGenerator(random, accessRandom, asOf, organisations, rows);
        store.offerings().addAll(offerings.offerings(categoryUuid));
        List<JsonRow> projects = organisations.projects(PROJECTS_PER_SCALE * scale);
        AllocationGenerator allocations = new AllocationGenerator(random, asOf, store, staff, organisations, offerings,
                new UsageGenerator(random, asOf, rows), rows);
        int resourceCount = RESOURCES_PER_SCALE * scale;
        // Sized from the seed-42 counts (1.52 orders and 24.3 usages per resource), so the lists never regrow.
        List<JsonRow> resources = new ArrayList<>(resourceCount);
        List<JsonRow> orders = new ArrayList<>(resourceCount * 8 / 5);
        List<UsageRow> usages = new ArrayList<>(resourceCount * 25);
        for (int i = 0; i < resourceCount; i++) {
            JsonRow project = projects.get(random.nextInt(projects.size()));
            allocations.resource(project, resources, orders, usages);
        }
        store.projects().addAll(projects);
        store.resources().addAll(resources);
        store.orders().addAll(orders);
        // Already in order, so the table's own sort only confirms it in one linear pass.
        store.usages().addAll(UsageRow.sortedInDefaultOrder(usages));
        counters();
    }

    /** What the parts hand the generator: the rows, users and plans it makes and keeps. */
    interface Rows {
        /** A row of {@code node}, which the caller still fills and adds to its table through the generator. */
        JsonRow row(ObjectNode node);

        /** A usage row, as {@link UsageRow}'s constructor takes it. */
        UsageRow usage(long uuidHigh, long uuidLow, long createdMicros, JsonRow resource, String type, String name,
                       String measuredUnit, LocalDate billingPeriod, long usageUnits, long dateMicros,
                       String description, boolean recurring);

        /** Adds a user to the store. */
        void user(User user);

        /** Adds {@code plan} of {@code offering} to the store. */
        void plan(JsonRow offering, JsonRow plan);
    }

    private final class StoreRows implements Rows {
        @Override
        public JsonRow row(ObjectNode node) {
            return new JsonRow(node);
        }

        @Override
        public UsageRow usage(long uuidHigh, long uuidLow, long createdMicros, JsonRow resource, String type,
                              String name, String measuredUnit, LocalDate billingPeriod, long usageUnits,
                              long dateMicros, String description, boolean recurring) {
            return new UsageRow(uuidHigh, uuidLow, createdMicros, resource, type, name, measuredUnit, billingPeriod,
                    usageUnits, dateMicros, description, recurring);
        }

        @Override
        public void user(User user) {
            store.addUser(user);
        }

        @Override
        public void plan(JsonRow offering, JsonRow plan) {
            store.addPlan(offering, plan);
        }
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
