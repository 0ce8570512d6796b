package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.http.Page;
import dev.tally.waldur.http.Transport;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Customer;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.Uuids;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A client for one Waldur API. Lists are paged by following {@code Link rel="next"} (the body is a
 * bare array, the total is in {@code X-Result-Count}); idempotent requests are retried, writes are not.
 *
 * <pre>{@code
 * var client = new WaldurClient(WaldurClientConfig.builder(URI.create("https://puhuri-core.neic.no/"), token).build());
 * List<Offering> shares = client.offerings(Query.of("state", "Active").and("shared", "true"));
 * }</pre>
 */
public final class WaldurClient {
    private static final Pattern PAGE_PARAM = Pattern.compile("([?&])page=2(&|$)");

    private final WaldurClientConfig config;
    private final ObjectMapper mapper;
    private final Transport transport;

    public WaldurClient(WaldurClientConfig config) {
        this.config = config;
        this.mapper = WaldurJson.newMapper();
        this.transport = new Transport(mapper, config.apiUrl(), config.token(), config.connectTimeout(),
                config.requestTimeout(), config.retryPolicy(), config.userAgent());
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

    /** The absolute URL of a list with filters and this client's page size. */
    public URI listUrl(String path, Query query) {
        Query q = query.and("page_size", Integer.toString(config.pageSize()));
        return config.apiUrl().resolve(path + "?" + q.encode());
    }

    /** The absolute URL of an object, e.g. {@code marketplace-orders/<uuid>/}. */
    public URI detailUrl(String path, String uuid) {
        return config.apiUrl().resolve(path + Uuids.normalise(uuid) + "/");
    }

    /**
     * Streams every object of a list to {@code sink}, in server order, and returns how many there were.
     * Guards: a {@code next} link seen before (a loop) and a total that changes between pages both
     * fail the call, and so does a final count that differs from {@code X-Result-Count}.
     */
    public long forEachRaw(String path, Query query, ListListener listener, Consumer<JsonNode> sink) {
        return forEachPage(path, query, listener, items -> items, items -> items.forEach(sink));
    }

    /**
     * Like {@link #forEachRaw}, but hands over whole pages: {@code prepare} runs on the thread that
     * fetched the page (in parallel when pages are fetched concurrently), {@code accept} runs on the
     * caller's thread, strictly in page order. A harvest serialises in {@code prepare} and writes in
     * {@code accept}, so the CPU work is spread over the fetching threads.
     */
    public <R> long forEachPage(String path, Query query, ListListener listener,
            Function<List<JsonNode>, R> prepare, Consumer<R> accept) {
        URI first = listUrl(path, query);
        Page page = transport.page(first);
        long total = page.resultCount().orElse(-1);
        accept.accept(prepare.apply(page.items()));
        long fetched = page.items().size();
        listener.onPage(fetched, total);
        URI next = page.links().next().orElse(null);
        if (next != null && total > 0 && config.concurrency() > 1 && PAGE_PARAM.matcher(next.toString()).find()) {
            fetched += fetchRemainingInParallel(path, next, page.items().size(), total, fetched, listener, prepare, accept);
            next = null;
        }
        Set<URI> seen = new HashSet<>();
        seen.add(first);
        while (next != null) {
            if (!seen.add(next)) {
                throw new WaldurApiException("GET", next.getPath(), 0, "pagination loops: the next link " + next.getRawQuery() + " was already visited");
            }
            page = transport.page(next);
            checkTotal(path, total, page);
            accept.accept(prepare.apply(page.items()));
            fetched += page.items().size();
            listener.onPage(fetched, total);
            next = page.links().next().orElse(null);
        }
        if (total >= 0 && fetched != total) {
            throw new WaldurApiException("GET", first.getPath(), 0,
                    "received " + fetched + " objects but X-Result-Count said " + total + "; run again");
        }
        return fetched;
    }

    /** A fetched page with its worker-side preparation done. */
    private record Prepared<R>(Page page, R value) {
    }

    private <R> long fetchRemainingInParallel(String path, URI secondPage, int pageSize, long total, long fetchedBefore,
            ListListener listener, Function<List<JsonNode>, R> prepare, Consumer<R> accept) {
        int pages = (int) ((total + pageSize - 1) / pageSize);
        String template = secondPage.toString();
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "tally-page-fetch");
            t.setDaemon(true);
            return t;
        });
        long fetched = 0;
        try {
            // A window of pages in flight; delivered strictly in page order.
            List<Future<Prepared<R>>> window = new ArrayList<>();
            int nextToSubmit = 2;
            while (nextToSubmit <= pages || !window.isEmpty()) {
                while (nextToSubmit <= pages && window.size() < config.concurrency() * 2) {
                    URI url = URI.create(PAGE_PARAM.matcher(template).replaceFirst("$1page=" + nextToSubmit + "$2"));
                    window.add(pool.submit(() -> {
                        Page p = transport.page(url);
                        return new Prepared<>(p, prepare.apply(p.items()));
                    }));
                    nextToSubmit++;
                }
                Prepared<R> done = await(window.remove(0), path);
                checkTotal(path, total, done.page());
                accept.accept(done.value());
                fetched += done.page().items().size();
                listener.onPage(fetchedBefore + fetched, total);
            }
        } finally {
            pool.shutdownNow();
        }
        return fetched;
    }

    private static <T> T await(Future<T> future, String path) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaldurApiException("GET", path, 0, "interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new WaldurApiException("GET", path, 0, String.valueOf(e.getCause()), e.getCause());
        }
    }

    private static void checkTotal(String path, long total, Page page) {
        long now = page.resultCount().orElse(total);
        if (now != total) {
            throw new WaldurApiException("GET", path, 0,
                    "the list changed during the harvest (X-Result-Count went from " + total + " to " + now + "); run again");
        }
    }

    /** Every object of a list as typed records. */
    public <T> List<T> list(String path, Query query, Class<T> type) {
        List<T> out = new ArrayList<>();
        forEachRaw(path, query, ListListener.NONE, node -> out.add(convert(node, type)));
        return out;
    }

    /** One object by UUID (hyphens allowed). */
    public <T> T get(String path, String uuid, Class<T> type) {
        URI url = detailUrl(path, uuid);
        return convert(transport.get(url).body(), type);
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (Exception e) {
            throw new WaldurApiException("GET", type.getSimpleName(), 0,
                    "cannot read " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public List<Customer> customers(Query query) {
        return list(WaldurCollection.CUSTOMERS.path(), query, Customer.class);
    }

    public List<Project> projects(Query query) {
        return list(WaldurCollection.PROJECTS.path(), query, Project.class);
    }

    /** Public offerings with their plans; filters as in the seed ({@code name}, {@code state}, {@code shared}, …). */
    public List<Offering> offerings(Query query) {
        return list(WaldurCollection.OFFERINGS.path(), query, Offering.class);
    }

    public Offering offering(String uuid) {
        return get(WaldurCollection.OFFERINGS.path(), uuid, Offering.class);
    }

    /** The public plans of an offering (this sub-route is not paginated). */
    public List<Plan> plans(String offeringUuid) {
        URI url = config.apiUrl().resolve(WaldurCollection.OFFERINGS.path() + Uuids.normalise(offeringUuid) + "/plans/");
        JsonNode body = transport.get(url).body();
        List<Plan> plans = new ArrayList<>();
        body.forEach(n -> plans.add(convert(n, Plan.class)));
        return plans;
    }

    public List<Order> orders(Query query) {
        return list(WaldurCollection.ORDERS.path(), query, Order.class);
    }

    public Order order(String uuid) {
        return get(WaldurCollection.ORDERS.path(), uuid, Order.class);
    }

    /**
     * Creates an order (201). Never retried blindly: if the response is lost, the order may exist,
     * so the caller should look for it before trying again.
     */
    public Order createOrder(OrderRequest request) {
        com.fasterxml.jackson.databind.node.ObjectNode body = mapper.createObjectNode();
        // Waldur validates the routes: the offering must be a public-offering URL and the plan a
        // public-offering plan URL (CONTRACT §1); the objects' own `url` fields may point elsewhere.
        body.put("project", detailUrl(WaldurCollection.PROJECTS.path(), request.projectUuid()).toString());
        body.put("offering", detailUrl(WaldurCollection.OFFERINGS.path(), request.offeringUuid()).toString());
        if (request.planUuid() != null) {
            body.put("plan", detailUrl(WaldurCollection.OFFERINGS.path() + Uuids.normalise(request.offeringUuid()) + "/plans/",
                    request.planUuid()).toString());
        }
        body.set("limits", mapper.valueToTree(request.limits()));
        body.set("attributes", mapper.valueToTree(request.attributes()));
        URI url = config.apiUrl().resolve(WaldurCollection.ORDERS.path());
        return convert(transport.write("POST", url, body).body(), Order.class);
    }

    public List<Resource> resources(Query query) {
        return list(WaldurCollection.RESOURCES.path(), query, Resource.class);
    }

    public Resource resource(String uuid) {
        return get(WaldurCollection.RESOURCES.path(), uuid, Resource.class);
    }

    public List<ComponentUsage> componentUsages(Query query) {
        return list(WaldurCollection.COMPONENT_USAGES.path(), query, ComponentUsage.class);
    }
}
