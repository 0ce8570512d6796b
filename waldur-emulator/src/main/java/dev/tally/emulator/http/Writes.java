package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.Json;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.OrderLifecycle;
import dev.tally.emulator.store.Organisations;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.util.concurrent.locks.Lock;

/**
 * Every state-changing endpoint. Each runs under the store's write lock, checking in Waldur's order:
 * object lookup (404), permission (403), state (409), then the body (400).
 */
public final class Writes {
    private final Store store;
    private final OrderRequests orders;
    private final ResourceRequests resources;
    private final UsageRequests usages;
    private final DryRunRequests dryRuns;
    private final OrganisationRequests organisations;
    private final PlanRequests plans;

    public Writes(Store store, OrderLifecycle lifecycle) {
        this.store = store;
        this.orders = new OrderRequests(store, lifecycle);
        this.resources = new ResourceRequests(store, lifecycle);
        this.usages = new UsageRequests(store);
        this.dryRuns = new DryRunRequests(store);
        this.organisations = new OrganisationRequests(store, new Organisations(store, lifecycle));
        this.plans = new PlanRequests(store);
    }

    /** {@code POST /api-auth/password/}: username and password for a token. */
    Response password(Request request) {
        ObjectNode body = request.jsonObject();
        String username = body.path("username").asText("");
        String password = body.path("password").asText("");
        if (username.isEmpty()) {
            throw ApiException.field("username", "This field is required.");
        }
        if (password.isEmpty()) {
            throw ApiException.field("password", "This field is required.");
        }
        User user = store.userByName(username).filter(u -> u.password().equals(password))
                .orElseThrow(() -> ApiException.detail(401, "Invalid username/password"));
        ObjectNode token = Json.NODES.objectNode();
        token.put("token", user.token());
        return Response.json(200, token);
    }

    Response collectionPost(String method, Request request, String name) {
        if (name.equals("marketplace-orders")) {
            ApiHandler.requireMethod(method, "POST");
            return locked(() -> orders.create(request));
        }
        if (name.equals("marketplace-script-async-dry-run")) {
            ApiHandler.requireMethod(method, "GET", "HEAD");
            return locked(() -> dryRuns.list(request));
        }
        if (name.equals("customers")) {
            return locked(() -> organisations.createCustomer(request));
        }
        if (name.equals("projects")) {
            return locked(() -> organisations.createProject(request));
        }
        if (name.equals("marketplace-resources")
                || name.equals("marketplace-public-offerings") || name.equals("marketplace-component-usages")
                || ProviderViews.isReadOnlyView(name)) {
            throw ApiException.methodNotAllowed(method);
        }
        throw ApiException.detail(404, "Not found.");
    }

    Response detail(String method, Request request, String name, String uuid) {
        return switch (name) {
            case "marketplace-component-usages" -> {
                if (!uuid.equals("set_usage")) {
                    throw ApiException.methodNotAllowed(method);
                }
                ApiHandler.requireMethod(method, "POST");
                yield locked(() -> usages.setUsage(request));
            }
            case "marketplace-resources" -> {
                ApiHandler.requireMethod(method, "PUT", "PATCH");
                yield locked(() -> resources.update(request, uuid, method.equals("PATCH")));
            }
            case "marketplace-orders" -> {
                ApiHandler.requireMethod(method, "PUT", "PATCH", "DELETE");
                yield locked(() -> method.equals("DELETE") ? orders.delete(request, uuid) : orders.update(request, uuid));
            }
            case "marketplace-script-async-dry-run" -> {
                ApiHandler.requireMethod(method, "GET", "HEAD");
                yield locked(() -> dryRuns.get(request, uuid));
            }
            case "customers" -> {
                ApiHandler.requireMethod(method, "PUT", "PATCH", "DELETE");
                yield locked(() -> method.equals("DELETE") ? organisations.deleteCustomer(request, uuid)
                        : organisations.updateCustomer(request, uuid, method.equals("PATCH")));
            }
            case "projects" -> {
                ApiHandler.requireMethod(method, "PUT", "PATCH", "DELETE");
                yield locked(() -> method.equals("DELETE") ? organisations.deleteProject(request, uuid)
                        : organisations.updateProject(request, uuid, method.equals("PATCH")));
            }
            case "marketplace-public-offerings" -> throw ApiException.methodNotAllowed(method);
            case ProviderViews.OFFERINGS, ProviderViews.PLANS, ProviderViews.RESOURCES ->
                    throw ApiException.methodNotAllowed(method);
            default -> throw ApiException.detail(404, "Not found.");
        };
    }

    Response action(String method, Request request, String name, String uuid, String action) {
        if (name.equals("marketplace-resources") && action.equals("plan_periods")) {
            ApiHandler.requireMethod(method, "GET", "HEAD");
            return locked(() -> resources.planPeriods(request, uuid));
        }
        ApiHandler.requireMethod(method, "POST");
        return switch (name) {
            case "marketplace-orders" -> locked(() -> orders.action(request, uuid, action));
            case "marketplace-resources" -> locked(() -> resources.action(request, uuid, action));
            case "marketplace-script-dry-run" -> locked(() -> dryRuns.run(request, uuid, action));
            case ProviderViews.PLANS -> {
                if (!action.equals("update_prices")) {
                    throw ApiException.detail(404, "Not found.");
                }
                yield locked(() -> plans.updatePrices(request, uuid));
            }
            default -> throw ApiException.detail(404, "Not found.");
        };
    }

    private Response locked(java.util.function.Supplier<Response> work) {
        Lock lock = store.writeLock();
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Resolves a hyperlinked field on input: it must be a URL of {@code collectionPath} naming an existing object. */
    static String uuidFromUrl(String field, JsonNode value, String collectionPath) {
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw ApiException.field(field, "This field is required.");
        }
        String path = Links.pathOf(value.asText());
        if (path == null || !path.startsWith(collectionPath)) {
            throw ApiException.field(field, "Invalid hyperlink - Incorrect URL match.");
        }
        String rest = path.substring(collectionPath.length());
        String uuid = Ids.normalizeUuid(rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
        if (uuid == null) {
            throw ApiException.field(field, "Invalid hyperlink - Object does not exist.");
        }
        return uuid;
    }

    /** A JSON response of the row, its stored paths made absolute for this request. */
    static Response json(int status, Request request, Row row) {
        return Response.json(status, Links.absolutize(row.render(), request.origin()));
    }

    /** A POST's answer: 201 with the new row, and its URL in {@code Location}. */
    static Response created(Request request, JsonRow row) {
        return json(201, request, row).header("Location", request.origin() + row.text("url"));
    }

    static boolean actsFor(User user, JsonRow row, String customerField) {
        return user.staff() || user.customerUuid().equals(row.text(customerField));
    }
}
