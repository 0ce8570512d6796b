package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.OrderWait;
import dev.tally.waldur.Query;
import dev.tally.waldur.Reviewer;
import dev.tally.waldur.UsageReport;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.snapshot.Harvester;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Two harvests of the emulator's seed-42 dataset over loopback HTTP with scripted changes between them,
 * made through the emulator's write API as a provider would make them: a GPU limit cut (an Update order),
 * a late usage report for October (closed when the first harvest ran, on 2026-11-01), a Terminate order,
 * and a price change (update_prices, in force from 2026-12-01, when the clock is moved there). Made once per
 * test JVM; the expected old and new values are read from the API before and after each change.
 */
public final class ScriptedChanges {
    /** The extra GPU k-hours reported late for October. */
    public static final BigDecimal LATE_GPU = new BigDecimal("7.5");

    private static ScriptedChanges made;

    /** The first harvest (data as of 2026-11-01). */
    public final Path before;
    /** The second harvest (data as of 2026-12-01). */
    public final Path after;
    /** The allocation whose GPU limit was cut, and its limits before and after. */
    public final Resource cut;
    public final BigDecimal gpuBefore;
    public final BigDecimal gpuAfter;
    /** The allocation with the late October report, its October GPU usage before (null: none) and after. */
    public final Resource late;
    public final BigDecimal usageBefore;
    public final BigDecimal usageAfter;
    /** The terminated allocation. */
    public final Resource terminated;
    /** The repriced plan's UUID, its component prices before (as the API gave them) and after (twice as much). */
    public final String plan;
    public final Map<String, BigDecimal> pricesBefore;
    public final Map<String, BigDecimal> pricesAfter;
    /** The allocations on the repriced plan. */
    public final List<Resource> repriced;

    private ScriptedChanges(Path root) throws Exception {
        before = root.resolve("before");
        after = root.resolve("after");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            WaldurClient staff = new WaldurClient(WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build());
            Raw raw = new Raw(emulator);
            harvest(staff, emulator, before);

            List<Resource> ok = staff.resources(Query.of("state", "OK")).stream()
                    .sorted(Comparator.comparing(Resource::created).thenComparing(Resource::uuid)).toList();
            plan = leastUsedPricedPlan(ok, raw);
            repriced = ok.stream().filter(r -> plan.equals(r.planUuid())).toList();
            List<Resource> finland = ok.stream().filter(r -> "LUMI Finland".equals(r.offeringName())
                    && !plan.equals(r.planUuid()) && r.limits().getOrDefault("gpu_k_hours", BigDecimal.ZERO).signum() > 0)
                    .toList();
            cut = finland.get(0);
            late = finland.get(1);
            terminated = finland.get(2);

            gpuBefore = cut.limits().get("gpu_k_hours");
            gpuAfter = gpuBefore.subtract(BigDecimal.ONE);
            Map<String, BigDecimal> limits = new LinkedHashMap<>(cut.limits());
            limits.put("gpu_k_hours", gpuAfter);
            String update = raw.post("/api/marketplace-resources/" + cut.uuid() + "/update_limits/",
                    Map.of("limits", limits)).path("order_uuid").asText();
            complete(staff, update);

            usageBefore = octoberGpu(staff, late.uuid());
            usageAfter = usageBefore == null ? LATE_GPU : usageBefore.add(LATE_GPU);
            staff.setUsage(late.uuid(), List.of(new UsageReport("gpu_k_hours", usageAfter, "reported late")),
                    LocalDate.parse("2026-10-20"));

            complete(staff, staff.terminateResource(terminated.uuid(), Map.of()));

            pricesBefore = prices(raw.get("/api/marketplace-plans/" + plan + "/"));
            Map<String, String> doubled = new LinkedHashMap<>();
            pricesBefore.forEach((k, v) -> doubled.put(k, v.multiply(BigDecimal.valueOf(2)).toPlainString()));
            raw.post("/api/marketplace-plans/" + plan + "/update_prices/", Map.of("prices", doubled));
            emulator.advanceClock(Instant.parse("2026-12-01T00:00:00Z"));
            pricesAfter = prices(raw.get("/api/marketplace-plans/" + plan + "/"));

            harvest(staff, emulator, after);
        }
    }

    /** The changes, made on first use. */
    public static synchronized ScriptedChanges get() {
        if (made == null) {
            try {
                Path root = Files.createTempDirectory("tally-test-history-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                made = new ScriptedChanges(root);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    private static void delete(Path root) {
        try (var s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder; the OS cleans up
        }
    }

    private static void harvest(WaldurClient client, Emulator emulator, Path dir) throws Exception {
        new Harvester(client, "test", emulator.clock()).harvest(dir, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
    }

    private static void complete(WaldurClient staff, String order) {
        if (staff.order(order).state().wire().startsWith("pending-provider")) {
            staff.approveOrder(order, Reviewer.PROVIDER);
        }
        staff.awaitOrder(order, OrderWait.TERMINAL, Duration.ofSeconds(30));
    }

    private static BigDecimal octoberGpu(WaldurClient staff, String resource) {
        return staff.componentUsages(Query.of("resource_uuid", resource)).stream()
                .filter(u -> u.type().equals("gpu_k_hours") && u.billingPeriod().equals(LocalDate.parse("2026-10-01")))
                .map(ComponentUsage::usage).findFirst().orElse(null);
    }

    /** The plan with the fewest OK allocations among those with a zero unit price and some non-zero component price. */
    private static String leastUsedPricedPlan(List<Resource> ok, Raw raw) throws Exception {
        Map<String, Long> uses = ok.stream().filter(r -> r.planUuid() != null)
                .collect(Collectors.groupingBy(Resource::planUuid, Collectors.counting()));
        List<String> byUse = uses.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        for (String p : byUse) {
            JsonNode plan = raw.get("/api/marketplace-plans/" + p + "/");
            boolean free = new BigDecimal(plan.path("unit_price").asText("0")).signum() == 0;
            if (free && prices(plan).values().stream().anyMatch(v -> v.signum() > 0)) {
                return p;
            }
        }
        throw new IllegalStateException("no priced plan in the emulator's dataset");
    }

    private static Map<String, BigDecimal> prices(JsonNode plan) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        plan.get("components").forEach(c -> out.put(c.get("type").asText(), new BigDecimal(c.get("price").asText())));
        return out;
    }

    /** Plain JSON requests as staff, for the write endpoints the client has no method for. */
    private static final class Raw {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;
        private final String token;

        Raw(Emulator emulator) {
            this.base = emulator.baseUrl();
            this.token = emulator.staffToken();
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        JsonNode post(String path, Object body) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        }

        private JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = http.send(request.header("Authorization", "Token " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
        }
    }
}
