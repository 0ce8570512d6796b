package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tally.emulator.fault.FaultPlan;
import dev.tally.emulator.fault.TieShuffle;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes every request under {@code /api/} and {@code /api-auth/}; all answers are JSON in DRF's shapes. */
public final class ApiHandler implements HttpHandler {
    private static final Pattern LIST = Pattern.compile("/api/([a-z-]+)/");
    private static final Pattern DETAIL = Pattern.compile("/api/([a-z-]+)/([^/]+)/");
    private static final Pattern ACTION = Pattern.compile("/api/([a-z-]+)/([^/]+)/([a-z_]+)/");
    // Hand-written route in Waldur's marketplace/urls.py: only [a-f0-9]+ matches.
    private static final Pattern PLANS = Pattern.compile("/api/marketplace-public-offerings/([a-f0-9]+)/plans/");
    private static final Pattern PLAN =
            Pattern.compile("/api/marketplace-public-offerings/([a-f0-9]+)/plans/([a-f0-9]+)/");

    private final Store store;
    private final Map<String, Endpoint> endpoints;
    private final Writes writes;
    private final ResponseWriter writer;

    public ApiHandler(Store store, Writes writes, ResponseWriter writer) {
        this(store, writes, writer, java.util.Set.of());
    }

    /** With the quirks that change how requests are answered ({@link dev.tally.emulator.store.Quirk}). */
    public ApiHandler(Store store, Writes writes, ResponseWriter writer, java.util.Set<dev.tally.emulator.store.Quirk> quirks) {
        this.endpoints = Endpoints.all(quirks.contains(dev.tally.emulator.store.Quirk.PROJECTS_WITHOUT_MODIFIED));
        this.store = store;
        this.writes = writes;
        this.writer = writer;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        ResponseWriter.Decision decision = writer.decide();
        Response response = writer.preempt(decision);
        try {
            if (response == null) {
                Request request = parse(exchange);
                response = route(method, request, decision);
            } else {
                exchange.getRequestBody().readAllBytes();
            }
        } catch (ApiException e) {
            response = Response.json(e.status(), e.body());
            e.headers().forEach(response::header);
        } catch (RuntimeException e) {
            ObjectNode body = Json.NODES.objectNode();
            body.put("detail", "Internal server error: " + e);
            response = Response.json(500, body);
        }
        writer.write(exchange, method, response, decision);
    }

    private Request parse(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        QueryString query = QueryString.parse(rawQuery);
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        }
        String path = exchange.getRequestURI().getRawPath();
        User user = Auth.authenticate(store, exchange.getRequestHeaders().getFirst("Authorization"), query);
        return new Request(exchange.getRequestMethod().toUpperCase(), path, rawQuery, query, "http://" + host, body,
                user);
    }

    private Response route(String method, Request request, ResponseWriter.Decision decision) {
        String path = request.path();
        if (path.equals("/api-auth/password/")) {
            requireMethod(method, "POST");
            return writes.password(request);
        }
        Matcher m;
        if ((m = PLAN.matcher(path)).matches()) {
            requireMethod(method, "GET", "HEAD");
            return plan(request, m.group(1), m.group(2));
        }
        if ((m = PLANS.matcher(path)).matches()) {
            requireMethod(method, "GET", "HEAD");
            return plans(request, m.group(1));
        }
        if ((m = LIST.matcher(path)).matches()) {
            return collection(method, request, m.group(1), decision);
        }
        if ((m = DETAIL.matcher(path)).matches()) {
            return detail(method, request, m.group(1), m.group(2));
        }
        if ((m = ACTION.matcher(path)).matches()) {
            requireAuthenticated(request);
            return writes.action(method, request, m.group(1), m.group(2), m.group(3));
        }
        throw ApiException.detail(404, "Not found.");
    }

    private Response collection(String method, Request request, String name, ResponseWriter.Decision decision) {
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            requireAuthenticated(request);
            return writes.collectionPost(method, request, name);
        }
        if (!endpoint.anonymousAllowed()) {
            requireAuthenticated(request);
        }
        if (method.equals("POST")) {
            return writes.collectionPost(method, request, name);
        }
        requireMethod(method, "GET", "HEAD");
        Lock lock = store.readLock();
        lock.lock();
        try {
            if (name.equals("invoice-items") && !Endpoints.mayReadInvoices(store, request.user())) {
                throw ApiException.detail(403, "You do not have permission to perform this action.");
            }
            List<Row> rows = ProviderViews.listed(name, request, endpoint.select(store, request));
            FaultPlan plan = decision.plan();
            TieShuffle shuffle = plan.ties();
            Comparator<Row> ties = shuffle == null ? null : endpoint.tieOrder(request);
            return Pagination.page(request, rows, request.params("field"),
                    ties == null ? null : new TiedRows(ties, shuffle.nextRequest()), ListFault.of(decision));
        } finally {
            lock.unlock();
        }
    }

    private Response detail(String method, Request request, String name, String rawUuid) {
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            requireAuthenticated(request);
            return writes.detail(method, request, name, rawUuid);
        }
        if (!endpoint.anonymousAllowed()) {
            requireAuthenticated(request);
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return writes.detail(method, request, name, rawUuid);
        }
        Lock lock = store.readLock();
        lock.lock();
        try {
            Row row = endpoint.find(store, request, rawUuid);
            ObjectNode node = Links.restrict(row.render(), request.params("field"));
            return Response.json(200, Links.absolutize(node, request.origin()));
        } finally {
            lock.unlock();
        }
    }

    private Response plans(Request request, String offeringUuid) {
        Lock lock = store.readLock();
        lock.lock();
        try {
            JsonRow offering = offering(offeringUuid);
            ArrayNode plans = Json.NODES.arrayNode();
            for (JsonNode plan : offering.get("plans")) {
                plans.add(Links.absolutize(Links.restrict(((ObjectNode) plan).deepCopy(), request.params("field")),
                        request.origin()));
            }
            // Not paginated: a bare array without X-Result-Count or Link.
            return Response.json(200, plans);
        } finally {
            lock.unlock();
        }
    }

    private Response plan(Request request, String offeringUuid, String planUuid) {
        Lock lock = store.readLock();
        lock.lock();
        try {
            JsonRow offering = offering(offeringUuid);
            for (JsonNode plan : offering.get("plans")) {
                if (plan.get("uuid").asText().equals(planUuid)) {
                    return Response.json(200, Links.absolutize(
                            Links.restrict(((ObjectNode) plan).deepCopy(), request.params("field")), request.origin()));
                }
            }
            throw ApiException.notFound("Plan");
        } finally {
            lock.unlock();
        }
    }

    private JsonRow offering(String uuid) {
        return store.offerings().find(Ids.normalizeUuid(uuid)).orElseThrow(() -> ApiException.notFound("Offering"));
    }

    static void requireAuthenticated(Request request) {
        if (request.user() == null) {
            throw ApiException.unauthorized(Auth.NOT_PROVIDED);
        }
    }

    static void requireMethod(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw ApiException.methodNotAllowed(method);
    }
}
