package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.waldur.http.Deadline;
import dev.tally.waldur.http.JsonLinesPage;
import dev.tally.waldur.http.ListPage;
import dev.tally.waldur.http.StableOrdering;
import dev.tally.waldur.http.Transport;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Customer;
import dev.tally.waldur.model.DryRun;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.OptionsUpdate;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceUpdate;
import dev.tally.waldur.model.Uuids;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client for one Waldur API. Lists are paged by following {@code Link rel="next"} (the body is a
 * bare array, the total is in {@code X-Result-Count}); idempotent requests are retried on 429, 5xx
 * and lost connections. Writes that create something are never retried blindly: after an ambiguous
 * failure the client first looks for what the lost request may have created.
 *
 * <pre>{@code
 * var client = new WaldurClient(WaldurClientConfig.builder(URI.create("https://puhuri-core.neic.no/"), token).build());
 * List<Offering> shares = client.offerings(OfferingFilter.builder().state("Active").shared(true).build());
 * Order order = client.createOrder(new OrderRequest(projectUuid, shares.get(0).uuid(), planUuid, limits, attributes));
 * order = client.awaitOrder(order.uuid(), OrderWait.RESOURCE, Duration.ofMinutes(5));
 * }</pre>
 */
public final class WaldurClient {
    private static final String DRY_RUN = "marketplace-script-dry-run/";
    private static final String ASYNC_DRY_RUN = "marketplace-script-async-dry-run/";

    private final WaldurClientConfig config;
    private final ObjectMapper mapper;
    private final Transport transport;

    public WaldurClient(WaldurClientConfig config) {
        this.config = config;
        this.mapper = WaldurJson.newMapper();
        this.transport = new Transport(mapper, config.apiUrl(), config.token(), config.connectTimeout(),
                config.requestTimeout(), config.retryPolicy(), config.userAgent(), config.sleeper(), config.maxResponseBytes());
    }

    public WaldurClientConfig config() {
        return config;
    }

    /** The mapper this client reads with (unknown fields ignored, decimals as {@code BigDecimal}). */
    public ObjectMapper mapper() {
        return mapper;
    }

    Transport transport() {
        return transport;
    }

    /** How many HTTP exchanges this client has made so far, retries included. */
    public long requestCount() {
        return transport.requestCount();
    }

    /** The absolute URL of a list with filters and this client's page size. */
    public URI listUrl(String path, Query query) {
        Query q = query.and("page_size", Integer.toString(config.pageSize()));
        return config.apiUrl().resolve(path + "?" + q.encode());
    }

    /** The absolute URL of an object, e.g. {@code marketplace-orders/<uuid>/}. */
    public URI detailUrl(String path, String uuid) {
        return config.apiUrl().resolve(path + Uuids.normalise(requireUuid(uuid)) + "/");
    }

    private URI actionUrl(String path, String uuid, String action) {
        return config.apiUrl().resolve(path + Uuids.normalise(requireUuid(uuid)) + "/" + action + "/");
    }

    /** UUIDs go into URL paths, so only hex (with or without hyphens) is accepted. */
    private static String requireUuid(String uuid) {
        if (uuid == null || !uuid.matches("[0-9a-fA-F-]{32,36}") || uuid.replace("-", "").length() != 32) {
            throw new IllegalArgumentException("not a UUID: '" + uuid + "' (expected 32 hex characters, hyphens allowed)");
        }
        return uuid;
    }

    // ---------------------------------------------------------------- lists

    /**
     * Streams every object of a list to {@code sink}, in server order, and returns how many there were.
     * Guards: a {@code next} link seen before (a loop) and a total that changes between pages both
     * fail the call, and so does a final count that differs from {@code X-Result-Count}.
     */
    public long forEachRaw(String path, Query query, ListListener listener, Consumer<JsonNode> sink) {
        return forEachPage(path, query, listener, transport::page, page -> page.items().forEach(sink));
    }

    /**
     * Like {@link #forEachRaw}, but hands over whole pages with every object already re-encoded as a
     * compact JSON line, as received (no trees are built; see {@link JsonLinesPage}). Pages are fetched
     * and encoded on worker threads when {@link WaldurClientConfig#concurrency()} allows; {@code accept}
     * runs on the caller's thread, strictly in page order. This is the harvest's path.
     */
    public long forEachPageLines(String path, Query query, ListListener listener, Consumer<JsonLinesPage> accept) {
        return forEachPage(path, query, listener, transport::pageLines, accept);
    }

    private <P extends ListPage<P>> long forEachPage(String path, Query query, ListListener listener,
            Function<URI, P> fetch, Consumer<P> accept) {
        // A caller's own ?o= wins; the UUID check in Pager still guards it.
        Query ordered = query.has("o") ? query
                : StableOrdering.forList(path).map(o -> query.and("o", o)).orElse(query);
        return new Pager(config.concurrency(), config.maxListObjects()).forEach(path, listUrl(path, ordered), listener, fetch, accept);
    }

    /** Every object of a list as received (JSON trees, server order). */
    public List<JsonNode> listRaw(String path, Query query) {
        List<JsonNode> out = new ArrayList<>();
        forEachRaw(path, query, ListListener.NONE, out::add);
        return out;
    }

    /** Every object of a list as typed records. */
    public <T> List<T> list(String path, Query query, Class<T> type) {
        List<T> out = new ArrayList<>();
        forEachRaw(path, query, ListListener.NONE, node -> out.add(convert(node, type)));
        return out;
    }

    /** One object by UUID (hyphens allowed), as received. */
    public JsonNode getRaw(String path, String uuid) {
        return transport.get(detailUrl(path, uuid)).body();
    }

    /** One object by UUID (hyphens allowed). */
    public <T> T get(String path, String uuid, Class<T> type) {
        return convert(getRaw(path, uuid), type);
    }

    /** Every object of a list as typed records, with the objects as received (for showing them as sent). */
    public <T> Received<List<T>> listReceived(String path, Query query, Class<T> type) {
        List<JsonNode> raw = listRaw(path, query);
        List<T> out = new ArrayList<>(raw.size());
        raw.forEach(node -> out.add(convert(node, type)));
        return new Received<>(Collections.unmodifiableList(out), raw, mapper);
    }

    /** One object by UUID (hyphens allowed), typed, with the object as received. */
    public <T> Received<T> getReceived(String path, String uuid, Class<T> type) {
        JsonNode raw = getRaw(path, uuid);
        return new Received<>(convert(raw, type), raw, mapper);
    }

    /** Reads a JSON tree as a record; a shape the record cannot hold is an {@link InvalidResponseException}. */
    public <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) {
            throw new InvalidResponseException("GET", type.getSimpleName(), 200,
                    "cannot read " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    // ---------------------------------------------------------------- customers and projects

    public List<Customer> customers(Query query) {
        return list(WaldurCollection.CUSTOMERS.path(), query, Customer.class);
    }

    public Customer customer(String uuid) {
        return get(WaldurCollection.CUSTOMERS.path(), uuid, Customer.class);
    }

    /** Projects; {@code customer} takes a comma-separated UUID list (docs/waldur.md, Conventions). */
    public List<Project> projects(Query query) {
        return list(WaldurCollection.PROJECTS.path(), query, Project.class);
    }

    public Project project(String uuid) {
        return get(WaldurCollection.PROJECTS.path(), uuid, Project.class);
    }

    // ---------------------------------------------------------------- offerings and plans

    /** Public offerings with their plans; any filters, as query parameters. */
    public List<Offering> offerings(Query query) {
        return list(WaldurCollection.OFFERINGS.path(), query, Offering.class);
    }

    /** Public offerings matching the seed document's filters. */
    public List<Offering> offerings(OfferingFilter filter) {
        return offerings(filter.toQuery(mapper));
    }

    public Offering offering(String uuid) {
        return get(WaldurCollection.OFFERINGS.path(), uuid, Offering.class);
    }

    /** The public plans of an offering (this sub-route is not paginated). */
    public List<Plan> plans(String offeringUuid) {
        JsonNode body = transport.get(plansUrl(offeringUuid)).body();
        if (!body.isArray()) {
            throw new InvalidResponseException("GET", plansUrl(offeringUuid).getPath(), 200,
                    "expected a JSON array of plans, got " + body.getNodeType());
        }
        List<Plan> plans = new ArrayList<>();
        body.forEach(n -> plans.add(convert(n, Plan.class)));
        return plans;
    }

    /** One public plan of an offering; 404 if the plan is not visible. */
    public Plan plan(String offeringUuid, String planUuid) {
        return convert(transport.get(planUrl(offeringUuid, planUuid)).body(), Plan.class);
    }

    private URI plansUrl(String offeringUuid) {
        return actionUrl(WaldurCollection.OFFERINGS.path(), offeringUuid, "plans");
    }

    /** The plan URL an order must carry: {@code /api/marketplace-public-offerings/<o>/plans/<p>/} (docs/waldur.md, Conventions). */
    private URI planUrl(String offeringUuid, String planUuid) {
        return plansUrl(offeringUuid).resolve(Uuids.normalise(requireUuid(planUuid)) + "/");
    }

    // ---------------------------------------------------------------- orders

    public List<Order> orders(Query query) {
        return list(WaldurCollection.ORDERS.path(), query, Order.class);
    }

    public Order order(String uuid) {
        return get(WaldurCollection.ORDERS.path(), uuid, Order.class);
    }

    /**
     * Creates a Create order (201) and returns it with its {@code cost}. If the answer is lost (a
     * reset, a timeout, a 5xx, a cut body), the order may exist; the client then looks for an order
     * of the same project, offering, plan, limits and attributes that was not there before, and
     * returns that one instead of ordering twice. Only when none exists does it send the request again.
     */
    public Order createOrder(OrderRequest request) {
        ObjectNode body = mapper.createObjectNode();
        // Waldur validates the routes: the offering must be a public-offering URL and the plan a
        // public-offering plan URL (docs/waldur.md, Conventions); the objects' own `url` fields may point elsewhere.
        body.put("project", detailUrl(WaldurCollection.PROJECTS.path(), request.projectUuid()).toString());
        body.put("offering", detailUrl(WaldurCollection.OFFERINGS.path(), request.offeringUuid()).toString());
        if (request.planUuid() != null) {
            body.put("plan", planUrl(request.offeringUuid(), request.planUuid()).toString());
        }
        body.set("limits", mapper.valueToTree(request.limits()));
        body.set("attributes", mapper.valueToTree(request.attributes()));
        Query sameTarget = Query.of("project_uuid", Uuids.normalise(request.projectUuid()))
                .and("offering_uuid", Uuids.normalise(request.offeringUuid()))
                .and("type", "Create");
        Set<String> before = new HashSet<>();
        forEachRaw(WaldurCollection.ORDERS.path(), sameTarget.and("field", "uuid"), ListListener.NONE,
                n -> before.add(Uuids.normalise(n.path("uuid").asText())));
        URI url = config.apiUrl().resolve(WaldurCollection.ORDERS.path());
        return writeOnce("POST", url, body, r -> convert(r.body(), Order.class), () -> orders(sameTarget).stream()
                .filter(o -> !before.contains(o.uuid()))
                .filter(o -> sameOrder(o, body))
                .max(Comparator.comparing(Order::created, Comparator.nullsFirst(Comparator.naturalOrder()))));
    }

    private boolean sameOrder(Order order, ObjectNode body) {
        JsonNode sentLimits = body.get("limits");
        Map<String, java.math.BigDecimal> limits = order.limits();
        if (limits.size() != sentLimits.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = sentLimits.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            java.math.BigDecimal got = limits.get(e.getKey());
            if (got == null || got.compareTo(e.getValue().decimalValue()) != 0) {
                return false;
            }
        }
        String plan = body.path("plan").asText(null);
        if (plan != null && !plan.contains(String.valueOf(order.planUuid()))) {
            return false;
        }
        JsonNode attributes = order.attributes() == null ? mapper.createObjectNode() : order.attributes();
        Iterator<Map.Entry<String, JsonNode>> sent = body.get("attributes").fields();
        while (sent.hasNext()) {
            Map.Entry<String, JsonNode> e = sent.next();
            if (!e.getValue().equals(attributes.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Approves an order as its consumer ({@code pending-consumer}) or provider ({@code pending-provider}).
     * If the answer is lost, the order is read back: a state past the pending one means the approval
     * happened. Returns the order as it is afterwards.
     */
    public Order approveOrder(String uuid, Reviewer reviewer) {
        return review(uuid, "approve_" + reviewer.suffix(), reviewer, mapper.createObjectNode());
    }

    /**
     * Rejects an order as its consumer or provider, with an optional comment (sent as
     * {@code consumer_rejection_comment} or {@code provider_rejection_comment}). Returns the order afterwards.
     */
    public Order rejectOrder(String uuid, Reviewer reviewer, String comment) {
        ObjectNode body = mapper.createObjectNode();
        if (comment != null) {
            body.put(reviewer == Reviewer.CONSUMER ? "consumer_rejection_comment" : "provider_rejection_comment", comment);
        }
        return review(uuid, "reject_" + reviewer.suffix(), reviewer, body);
    }

    private Order review(String uuid, String action, Reviewer reviewer, ObjectNode body) {
        OrderState pending = reviewer == Reviewer.CONSUMER ? OrderState.PENDING_CONSUMER : OrderState.PENDING_PROVIDER;
        URI url = actionUrl(WaldurCollection.ORDERS.path(), uuid, action);
        writeOnce("POST", url, body, r -> Boolean.TRUE, () -> {
            Order now = order(uuid);
            return now.state() == pending ? Optional.empty() : Optional.of(Boolean.TRUE);
        });
        return order(uuid);
    }

    /** Polls an order at the configured interval until {@code until} is reached; a {@link WaitTimeoutException} after {@code timeout}. */
    public Order awaitOrder(String uuid, OrderWait until, Duration timeout) {
        return poll().until(detailUrl(WaldurCollection.ORDERS.path(), uuid), () -> order(uuid), until::reached,
                o -> o.state() == null ? "unknown" : o.state().wire(), timeout);
    }

    private Poll poll() {
        return new Poll(transport, config.pollInterval());
    }

    // ---------------------------------------------------------------- resources

    public List<Resource> resources(Query query) {
        return list(WaldurCollection.RESOURCES.path(), query, Resource.class);
    }

    public Resource resource(String uuid) {
        return get(WaldurCollection.RESOURCES.path(), uuid, Resource.class);
    }

    /**
     * Renames or describes a resource: {@code PUT} when {@code update.name()} is set (the seed's call),
     * else {@code PATCH} with the non-null fields. Setting fields is idempotent, so it is retried.
     */
    public ResourceUpdate updateResource(String uuid, ResourceUpdate update) {
        JsonNode body = mapper.valueToTree(update);
        String method = update.name() != null ? "PUT" : "PATCH";
        return convert(transport.send(method, detailUrl(WaldurCollection.RESOURCES.path(), uuid), body, true).body(),
                ResourceUpdate.class);
    }

    /**
     * Sets LUMI resource options ({@code is_industry}, {@code is_training}, {@code is_commercial},
     * {@code used_ai_tech}, …); Waldur shallow-merges them into {@code resource.options}. If the answer
     * is lost, the resource is read back and the call counts as done when its options hold every value sent.
     */
    public OptionsUpdate updateOptions(String uuid, Map<String, ?> options) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode wanted = mapper.valueToTree(options);
        body.set("options", wanted);
        URI url = actionUrl(WaldurCollection.RESOURCES.path(), uuid, "update_options");
        return writeOnce("POST", url, body, r -> convert(r.body(), OptionsUpdate.class), () -> {
            JsonNode current = resource(uuid).options();
            Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (current == null || !e.getValue().equals(current.get(e.getKey()))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new OptionsUpdate("Resource options are submitted", null));
        });
    }

    /**
     * Asks Waldur to terminate a resource and returns the UUID of the Terminate order it made (answer
     * 200 {@code {"order_uuid"}}, docs/waldur.md, Orders). If the answer is lost, a Terminate order for the
     * resource that was not there before counts as the result.
     */
    public String terminateResource(String uuid, Map<String, ?> attributes) {
        ObjectNode body = mapper.createObjectNode();
        body.set("attributes", mapper.valueToTree(attributes == null ? Map.of() : attributes));
        Query terminations = Query.of("resource_uuid", Uuids.normalise(requireUuid(uuid))).and("type", "Terminate");
        Set<String> before = new HashSet<>();
        orders(terminations).forEach(o -> before.add(o.uuid()));
        URI url = actionUrl(WaldurCollection.RESOURCES.path(), uuid, "terminate");
        return writeOnce("POST", url, body, r -> orderUuid(r.body(), url), () -> orders(terminations).stream()
                .map(Order::uuid)
                .filter(u -> !before.contains(u))
                .findFirst());
    }

    private static String orderUuid(JsonNode body, URI url) {
        String u = body.path("order_uuid").asText(null);
        if (u == null) {
            throw new InvalidResponseException("POST", url.getPath(), 200, "expected {\"order_uuid\": …}, got " + body);
        }
        return Uuids.normalise(u);
    }

    // ---------------------------------------------------------------- component usages

    /** Component usages; filters such as {@code resource_uuid}, {@code billing_period}, {@code date_after}. */
    public List<ComponentUsage> componentUsages(Query query) {
        return list(WaldurCollection.COMPONENT_USAGES.path(), query, ComponentUsage.class);
    }

    /**
     * Reports usage of a resource for the month of {@code date} (null = the server's today). Waldur
     * upserts per resource, component and month, so a repeat replaces the value: safe to retry.
     */
    public void setUsage(String resourceUuid, List<UsageReport> usages, LocalDate date) {
        ObjectNode body = mapper.createObjectNode();
        body.put("resource", Uuids.normalise(requireUuid(resourceUuid)));
        ArrayNode list = body.putArray("usages");
        for (UsageReport u : usages) {
            ObjectNode item = list.addObject();
            item.put("type", u.type());
            item.put("amount", u.amount().toPlainString());
            if (u.description() != null) {
                item.put("description", u.description());
            }
        }
        if (date != null) {
            body.put("date", date.toString());
        }
        transport.send("POST", config.apiUrl().resolve(WaldurCollection.COMPONENT_USAGES.path() + "set_usage/"), body, true);
    }

    // ---------------------------------------------------------------- script dry runs

    /**
     * Runs an offering's script synchronously ({@code POST /api/marketplace-script-dry-run/{uuid}/run/})
     * and returns its output. Only {@code Marketplace.Script} offerings have scripts; others give 404.
     * A dry run changes nothing a user can see, so it is retried like a read.
     */
    public String dryRun(String offeringUuid, DryRunRequest request) {
        URI url = actionUrl(DRY_RUN, offeringUuid, "run");
        JsonNode body = transport.send("POST", url, dryRunBody(request), true).body();
        if (!body.has("output")) {
            throw new InvalidResponseException("POST", url.getPath(), 200, "expected {\"output\": …}, got " + shorten(body));
        }
        return body.get("output").asText();
    }

    /** Starts an asynchronous dry run (202 {@code {"uuid"}}) and returns the dry run's UUID; poll with {@link #dryRunStatus}. */
    public String startDryRun(String offeringUuid, DryRunRequest request) {
        URI url = actionUrl(DRY_RUN, offeringUuid, "async_run");
        JsonNode body = transport.send("POST", url, dryRunBody(request), true).body();
        String uuid = body.path("uuid").asText(null);
        if (uuid == null) {
            throw new InvalidResponseException("POST", url.getPath(), 202, "expected {\"uuid\": …}, got " + shorten(body));
        }
        return Uuids.normalise(uuid);
    }

    /** One look at an asynchronous dry run. */
    public DryRun dryRunStatus(String dryRunUuid) {
        return get(ASYNC_DRY_RUN, dryRunUuid, DryRun.class);
    }

    /** Polls an asynchronous dry run until it is done or erred; a {@link WaitTimeoutException} after {@code timeout}. */
    public DryRun awaitDryRun(String dryRunUuid, Duration timeout) {
        return poll().until(detailUrl(ASYNC_DRY_RUN, dryRunUuid), () -> dryRunStatus(dryRunUuid), DryRun::isFinished,
                r -> r.stateDisplay() == null ? "state " + r.state() : r.stateDisplay(), timeout);
    }

    private ObjectNode dryRunBody(DryRunRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", request.type());
        if (request.planUuid() != null) {
            // the dry run's plan is a provider plan URL, /api/marketplace-plans/<uuid>/, not a public-offering one
            body.put("plan", detailUrl("marketplace-plans/", request.planUuid()).toString());
        }
        body.set("attributes", mapper.valueToTree(request.attributes()));
        return body;
    }

    private static String shorten(JsonNode node) {
        String s = node.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    // ---------------------------------------------------------------- safe writes

    /**
     * Sends a non-idempotent write once per attempt. After a failure the request may have executed
     * (anything but a 429 or a connection that was never made), {@code recover} looks for its effect
     * first; only if it finds none is the request sent again, within the retry policy's limits.
     */
    private <T> T writeOnce(String method, URI url, JsonNode body, Function<Transport.JsonResponse, T> read,
            Supplier<Optional<T>> recover) {
        Deadline deadline = Deadline.after(config.retryPolicy().deadline());
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        for (int attempt = 1; ; attempt++) {
            WaldurApiException failure;
            try {
                return read.apply(transport.once(method, url, body));
            } catch (WaldurApiException e) {
                failure = e;
            }
            Duration wait = transport.retryDelay(failure, attempt, random);
            if (wait == null) {
                throw failure;
            }
            boolean mayHaveHappened = !(failure instanceof ThrottledException)
                    && !(failure instanceof NoResponseException nr && !nr.requestMayHaveArrived());
            if (mayHaveHappened) {
                Optional<T> found = recover.get();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (attempt >= config.retryPolicy().maxAttempts() || !deadline.allows(wait)) {
                throw failure;
            }
            transport.sleep(wait, method, url);
        }
    }
}
