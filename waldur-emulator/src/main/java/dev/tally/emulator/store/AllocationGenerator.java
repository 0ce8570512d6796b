package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.MarketplaceRecords.OrderSpec;
import dev.tally.emulator.store.MarketplaceRecords.ResourceSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated allocations: each resource with its orders walked through {@link OrderLifecycle}, then its usages
 * ({@link UsageGenerator}). It draws from the generator's one random stream, when {@link DatasetGenerator} calls it,
 * a resource's orders, limits and usages interleaved, so the data stays what it was.
 */
final class AllocationGenerator {
    private static final long[] CPU_LIMITS = {50, 100, 200, 300, 500, 1000, 2000, 5000, 10000, 25000};
    private static final long[] GPU_LIMITS = {10, 20, 50, 100, 250, 500, 1000, 2000};
    private static final long[] STORAGE_LIMITS = {100, 500, 1000, 5000, 10000, 50000};

    private final SplittableRandom random;
    private final Instant asOf;
    private final Store store;
    private final User staff;
    private final OrganisationGenerator organisations;
    private final OfferingGenerator offerings;
    private final UsageGenerator usageGenerator;
    private final DatasetGenerator.Rows rows;
    private final Map<String, SharedParts> sharedParts = new HashMap<>();
    private int resourceIndex;

    AllocationGenerator(SplittableRandom random, Instant asOf, Store store, User staff,
                        OrganisationGenerator organisations, OfferingGenerator offerings, UsageGenerator usageGenerator,
                        DatasetGenerator.Rows rows) {
        this.random = random;
        this.asOf = asOf;
        this.store = store;
        this.staff = staff;
        this.organisations = organisations;
        this.offerings = offerings;
        this.usageGenerator = usageGenerator;
        this.rows = rows;
    }

    /**
     * Draws one resource of {@code project} with its orders (a Create, and for a done one its later Updates and
     * Terminate) and then its usages, into the three lists.
     */
    void resource(JsonRow project, List<JsonRow> resources, List<JsonRow> orders, List<UsageRow> usages) {
        int index = resourceIndex++;
        JsonRow customer = organisations.customer(project.text("customer_uuid"));
        int allocatorIndex = organisations.allocatorIndex(customer);
        int kind = random.nextInt(100);
        JsonRow offering = kind < 90 ? offerings.shareOffering(allocatorIndex, index)
                : kind < 97 ? offerings.objectStorage() : offerings.training();
        JsonRow plan = store.plan(offering.get("plans").get(0).get("uuid").asText()).orElseThrow();
        User consumer = organisations.allocatorUser(customer.uuid());
        User reviewer = offering.text("customer_uuid").equals(organisations.provider().uuid())
                ? organisations.providerUser() : organisations.allocatorUser(offering.text("customer_uuid"));

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
        JsonRow createRow = rows.row(create);
        shareOfferingParts(create, offering);
        orders.add(createRow);
        Instant resourceCreated = created.plusNanos((20 + random.nextLong(180)) * 1_000_000);
        String backendId = createState == OrderState.DONE ? "project_" + (465000000 + index) : "";
        ObjectNode resource = MarketplaceRecords.resource(new ResourceSpec(resourceUuid, name, project, offering, plan,
                limits, attributes, options, Ids.timestamp(resourceCreated), backendId));
        JsonRow resourceRow = rows.row(resource);
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
            orders.add(rows.row(update));
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
            orders.add(rows.row(terminate));
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
                orders.add(rows.row(update));
                shareOfferingParts(update, offering);
                follow(update, resource, advance(update, state, at, consumer, reviewer, false));
            }
        }
        resource.put("can_terminate", ResourceState.OK.is(resourceRow) || ResourceState.ERRED.is(resourceRow));
        usageGenerator.usages(resourceRow, createDone, usageEnd, limitChanges, limitValues, usages);
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
}
