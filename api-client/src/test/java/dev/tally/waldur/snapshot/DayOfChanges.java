package dev.tally.waldur.snapshot;

import dev.tally.emulator.Emulator;
import dev.tally.waldur.OrderRequest;
import dev.tally.waldur.OrderWait;
import dev.tally.waldur.Query;
import dev.tally.waldur.Reviewer;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.UsageReport;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A day of changes on an emulator, each through the HTTP API as Waldur has it (orders, approvals, set_usage, PATCH,
 * DELETE, unlink), for the incremental-harvest tests. Each change picks its own objects, so the kinds can be
 * applied one at a time or all together.
 */
final class DayOfChanges {
    /** One kind of change. */
    enum Kind {
        NEW_ALLOCATION, LIMIT_UPDATE, TERMINATION, LATE_USAGE, RENAMED_PROJECT, UNLINKED_RESOURCE, DELETED_ORDER,
        PLAN_PRICE_CHANGE
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Emulator emulator;
    private final WaldurClient staff;
    private final WaldurClient provider;
    private int serial;

    DayOfChanges(Emulator emulator) {
        this.emulator = emulator;
        this.staff = TestClients.client(emulator, emulator.staffToken());
        this.provider = TestClients.client(emulator, emulator.providerToken());
    }

    void apply(Kind kind) throws IOException, InterruptedException {
        serial++;
        switch (kind) {
            case NEW_ALLOCATION -> newAllocation("new allocation " + serial);
            case LIMIT_UPDATE -> limitUpdate(active(0));
            case TERMINATION -> terminate(active(1));
            case LATE_USAGE -> lateUsage(active(2));
            case RENAMED_PROJECT -> renameProject();
            case UNLINKED_RESOURCE -> unlink(active(3));
            case DELETED_ORDER -> deletePendingOrder("withdrawn " + serial);
            case PLAN_PRICE_CHANGE -> changePrices();
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    /**
     * The {@code n}-th OK resource with a plan and no open order (Waldur allows one at a time), in UUID order, so
     * every change picks a different one.
     */
    private Resource active(int n) {
        Set<String> busy = new HashSet<>();
        staff.orders(Query.NONE.andAll("state", List.of("pending-consumer", "pending-provider", "pending-project",
                "pending-start-date", "executing"))).forEach(o -> busy.add(o.marketplaceResourceUuid()));
        List<Resource> ok = staff.resources(Query.of("state", "OK")).stream()
                .filter(r -> r.planUuid() != null && r.limits() != null && !r.limits().isEmpty())
                .filter(r -> !busy.contains(r.uuid()))
                .sorted(java.util.Comparator.comparing(Resource::uuid)).toList();
        return ok.get((n * 7 + serial * 13) % ok.size());
    }

    private Order submit(String name) {
        Offering finland = staff.offerings(dev.tally.waldur.OfferingFilter.builder().nameExact("LUMI Finland").build())
                .get(0);
        Project project = staff.projects(Query.NONE).stream().filter(p -> p.name() != null)
                .sorted(java.util.Comparator.comparing(Project::uuid)).toList().get(serial % 10);
        Map<String, BigInteger> limits = new LinkedHashMap<>();
        limits.put("cpu_k_hours", BigInteger.valueOf(100 + serial));
        limits.put("gpu_k_hours", BigInteger.valueOf(serial));
        limits.put("gb_k_hours", BigInteger.TEN);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("name", name);
        attributes.put("is_industry", false);
        return staff.createOrder(new OrderRequest(project.uuid(), finland.uuid(), finland.plans().get(0).uuid(),
                limits, attributes));
    }

    private void newAllocation(String name) {
        Order order = submit(name);
        finish(order.uuid());
    }

    /** Approves on both sides where still needed and waits for the order to end. */
    private void finish(String orderUuid) {
        Order order = staff.order(orderUuid);
        if (order.state() == OrderState.PENDING_CONSUMER) {
            staff.approveOrder(orderUuid, Reviewer.CONSUMER);
        }
        if (staff.order(orderUuid).state() == OrderState.PENDING_PROVIDER) {
            provider.approveOrder(orderUuid, Reviewer.PROVIDER);
        }
        staff.awaitOrder(orderUuid, OrderWait.TERMINAL, WAIT);
    }

    private void limitUpdate(Resource resource) throws IOException, InterruptedException {
        Map<String, Object> limits = new LinkedHashMap<>();
        resource.limits().forEach((k, v) -> limits.put(k, v.add(BigDecimal.valueOf(serial))));
        String body = staff.mapper().writeValueAsString(Map.of("limits", limits));
        HttpResponse<String> r = post("marketplace-resources/" + resource.uuid() + "/update_limits/", body);
        String orderUuid = staff.mapper().readTree(r.body()).get("order_uuid").asText();
        finish(orderUuid);
    }

    private void terminate(Resource resource) {
        finish(staff.terminateResource(resource.uuid(), Map.of()));
    }

    /** Usage reported for the month before the emulator's current one (a late report; staff may report for any provider). */
    private void lateUsage(Resource resource) {
        LocalDate today = LocalDate.ofInstant(emulator.clock().instant(), ZoneOffset.UTC);
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1).plusDays(20);
        staff.setUsage(resource.uuid(), List.of(new UsageReport("cpu_k_hours", BigDecimal.valueOf(7 + serial),
                "late report")), lastMonth);
    }

    /** A project with resources gets a new name: their project_name follows, their modified does not. */
    private void renameProject() throws IOException, InterruptedException {
        Resource resource = active(4);
        HttpResponse<String> r = send("PATCH", "projects/" + resource.projectUuid() + "/",
                "{\"name\": \"Renamed project " + serial + "\"}");
        check(r, 200);
    }

    private void unlink(Resource resource) throws IOException, InterruptedException {
        check(post("marketplace-resources/" + resource.uuid() + "/unlink/", ""), 204);
    }

    /** An order left pending, then deleted (Waldur deletes pending orders outright). */
    private void deletePendingOrder(String name) throws IOException, InterruptedException {
        WaldurClient csc = TestClients.client(emulator, emulator.allocatorTokens().get("CSC – IT Center for Science"));
        Offering finland = csc.offerings(dev.tally.waldur.OfferingFilter.builder().nameExact("LUMI Finland").build())
                .get(0);
        Project project = csc.projects(Query.NONE).get(0);
        Map<String, BigInteger> limits = Map.of("cpu_k_hours", BigInteger.ONE);
        Order order = csc.createOrder(new OrderRequest(project.uuid(), finland.uuid(), finland.plans().get(0).uuid(),
                limits, Map.of("name", name)));
        check(send("DELETE", "marketplace-orders/" + order.uuid() + "/", null), 204);
    }

    /** The provider changes a plan's prices: only plan components change, not the offering's modified. */
    private void changePrices() throws IOException, InterruptedException {
        Offering finland = staff.offerings(dev.tally.waldur.OfferingFilter.builder().nameExact("LUMI Finland").build())
                .get(0);
        String body = "{\"prices\": {\"cpu_k_hours\": \"" + (10 + serial) + ".5\", \"gpu_k_hours\": 80,"
                + " \"gb_k_hours\": \"0.002\"}}";
        check(post("marketplace-plans/" + finland.plans().get(0).uuid() + "/update_prices/", body), 200);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(emulator.baseUrl().resolve("api/" + path))
                .header("Authorization", "Token " + emulator.staffToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " gave " + r.statusCode()
                    + ": " + r.body());
        }
    }
}
