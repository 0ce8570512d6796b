package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client for one Waldur API. Lists are paged by following {@code Link rel="next"} (the body is a
 * bare array, the total is in {@code X-Result-Count}); idempotent requests are retried on 429, 5xx
 * and lost connections. Writes that create something are never retried blindly: after an ambiguous
 * failure the client first looks for what the lost request may have created.
 *
 * <p>This class is the public face: lists and objects by path, and one method per Waldur operation.
 * The work of each area is done by package-private workers: {@link OrderOperations} (create, review,
 * wait), {@link ResourceOperations} (changes and usage reports), {@link DryRuns}, with {@link SafeWrite}
 * (a write sent once, recovered after an ambiguous failure), {@link Poll} and {@link ApiUrls}.
 *
 * <pre>{@code
 * var client = new WaldurClient(WaldurClientConfig.builder(URI.create("https://puhuri-core.neic.no/"), token).build());
 * List<Offering> shares = client.offerings(OfferingFilter.builder().state("Active").shared(true).build());
 * Order order = client.createOrder(new OrderRequest(projectUuid, shares.get(0).uuid(), planUuid, limits, attributes));
 * order = client.awaitOrder(order.uuid(), OrderWait.RESOURCE, Duration.ofMinutes(5));
 * }</pre>
 */
public final class WaldurClient {
    private final WaldurClientConfig config;
    private final ObjectMapper mapper;
    private final Transport transport;
    private final ApiUrls urls;
    private final OrderOperations orders;
    private final ResourceOperations resources;
    private final DryRuns dryRuns;

    public WaldurClient(WaldurClientConfig config) {
        this.config = config;
        this.mapper = WaldurJson.newMapper();
        this.transport = new Transport(mapper, config.apiUrl(), config.token(), config.connectTimeout(),
                config.requestTimeout(), config.retryPolicy(), config.userAgent(), config.sleeper(), config.maxResponseBytes());
        this.urls = new ApiUrls(config.apiUrl(), config.pageSize());
        SafeWrite writes = new SafeWrite(transport, config.retryPolicy());
        Poll poll = new Poll(transport, config.pollInterval());
        this.orders = new OrderOperations(this, urls, writes, poll);
        this.resources = new ResourceOperations(this, urls, transport, writes);
        this.dryRuns = new DryRuns(this, urls, transport, poll);
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
        return urls.list(path, query);
    }

    /** The absolute URL of an object, e.g. {@code marketplace-orders/<uuid>/}. */
    public URI detailUrl(String path, String uuid) {
        return urls.detail(path, uuid);
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
        JsonNode body = transport.get(urls.plans(offeringUuid)).body();
        if (!body.isArray()) {
            throw new InvalidResponseException("GET", urls.plans(offeringUuid).getPath(), 200,
                    "expected a JSON array of plans, got " + body.getNodeType());
        }
        List<Plan> plans = new ArrayList<>();
        body.forEach(n -> plans.add(convert(n, Plan.class)));
        return plans;
    }

    /** One public plan of an offering; 404 if the plan is not visible. */
    public Plan plan(String offeringUuid, String planUuid) {
        return convert(transport.get(urls.plan(offeringUuid, planUuid)).body(), Plan.class);
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
        return orders.create(request);
    }

    /**
     * Approves an order as its consumer ({@code pending-consumer}) or provider ({@code pending-provider}).
     * If the answer is lost, the order is read back: a state past the pending one means the approval
     * happened. Returns the order as it is afterwards.
     */
    public Order approveOrder(String uuid, Reviewer reviewer) {
        return orders.approve(uuid, reviewer);
    }

    /**
     * Rejects an order as its consumer or provider, with an optional comment (sent as
     * {@code consumer_rejection_comment} or {@code provider_rejection_comment}). Returns the order afterwards.
     */
    public Order rejectOrder(String uuid, Reviewer reviewer, String comment) {
        return orders.reject(uuid, reviewer, comment);
    }

    /** Polls an order at the configured interval until {@code until} is reached; a {@link WaitTimeoutException} after {@code timeout}. */
    public Order awaitOrder(String uuid, OrderWait until, Duration timeout) {
        return orders.await(uuid, until, timeout);
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
        return resources.update(uuid, update);
    }

    /**
     * Sets LUMI resource options ({@code is_industry}, {@code is_training}, {@code is_commercial},
     * {@code used_ai_tech}, …); Waldur shallow-merges them into {@code resource.options}. If the answer
     * is lost, the resource is read back and the call counts as done when its options hold every value sent.
     */
    public OptionsUpdate updateOptions(String uuid, Map<String, ?> options) {
        return resources.updateOptions(uuid, options);
    }

    /**
     * Asks Waldur to terminate a resource and returns the UUID of the Terminate order it made (answer
     * 200 {@code {"order_uuid"}}, docs/waldur.md, Orders). If the answer is lost, a Terminate order for the
     * resource that was not there before counts as the result.
     */
    public String terminateResource(String uuid, Map<String, ?> attributes) {
        return resources.terminate(uuid, attributes);
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
        resources.setUsage(resourceUuid, usages, date);
    }

    // ---------------------------------------------------------------- script dry runs

    /**
     * Runs an offering's script synchronously ({@code POST /api/marketplace-script-dry-run/{uuid}/run/})
     * and returns its output. Only {@code Marketplace.Script} offerings have scripts; others give 404.
     * A dry run changes nothing a user can see, so it is retried like a read.
     */
    public String dryRun(String offeringUuid, DryRunRequest request) {
        return dryRuns.run(offeringUuid, request);
    }

    /** Starts an asynchronous dry run (202 {@code {"uuid"}}) and returns the dry run's UUID; poll with {@link #dryRunStatus}. */
    public String startDryRun(String offeringUuid, DryRunRequest request) {
        return dryRuns.start(offeringUuid, request);
    }

    /** One look at an asynchronous dry run. */
    public DryRun dryRunStatus(String dryRunUuid) {
        return dryRuns.status(dryRunUuid);
    }

    /** Polls an asynchronous dry run until it is done or erred; a {@link WaitTimeoutException} after {@code timeout}. */
    public DryRun awaitDryRun(String dryRunUuid, Duration timeout) {
        return dryRuns.await(dryRunUuid, timeout);
    }
}
