package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.OrderRequest;
import dev.tally.waldur.OrderWait;
import dev.tally.waldur.Reviewer;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A price change over loopback HTTP (docs/definitions.md, "Prices that change"): an allocation of cpu 100, gpu 10
 * and storage 1000 k-hours on LUMI Denmark's "LUMI Common" plan (0.1, 0.5 and 0.001) from 1 November 2026 costs
 * 100 × 0.1 + 10 × 0.5 + 1000 × 0.001 = 16 in November. The provider then raises the prices to 0.2, 1 and 0.002
 * (future prices, since the plan is in use), Waldur's 1 December task makes them the prices, and a December snapshot
 * alone would price November at 100 × 0.2 + 10 × 1 + 1000 × 0.002 = 32. Given the November snapshot as price history,
 * November costs 16 again.
 */
class PriceChangeTest {
    @TempDir
    static Path dir;
    private static Snapshot november;
    private static Snapshot december;
    private static String resource;

    @BeforeAll
    static void harvestBeforeAndAfterThePriceChange() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
            WaldurClient client = new WaldurClient(config);
            Offering denmark = client.offerings(dev.tally.waldur.Query.of("name_exact", "LUMI Denmark")).get(0);
            Plan common = denmark.plans().stream().filter(p -> p.name().equals("LUMI Common")).findFirst().orElseThrow();
            Map<String, BigInteger> limits = new LinkedHashMap<>();
            limits.put("cpu_k_hours", BigInteger.valueOf(100));
            limits.put("gpu_k_hours", BigInteger.TEN);
            limits.put("gb_k_hours", BigInteger.valueOf(1000));
            Order order = client.createOrder(new OrderRequest(client.projects(dev.tally.waldur.Query.NONE).get(0).uuid(),
                    denmark.uuid(), common.uuid(), limits, Map.of("name", "price change")));
            client.approveOrder(order.uuid(), Reviewer.PROVIDER);
            resource = client.awaitOrder(order.uuid(), OrderWait.TERMINAL, Duration.ofSeconds(30)).marketplaceResourceUuid();

            november = harvest(emulator, config, "2026-11");
            HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(emulator.baseUrl() + "api/marketplace-plans/" + common.uuid() + "/update_prices/"))
                    .header("Authorization", "Token " + emulator.staffToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prices\": {\"cpu_k_hours\": 0.2, \"gpu_k_hours\": 1, \"gb_k_hours\": 0.002}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).isEqualTo(200);
            emulator.advanceClock(Instant.parse("2026-12-01T06:00:00Z"));
            december = harvest(emulator, config, "2026-12");
        }
    }

    private static Snapshot harvest(Emulator emulator, WaldurClientConfig config, String name) throws Exception {
        Path out = dir.resolve(name);
        new Harvester(new WaldurClient(config), "test", emulator.clock())
                .harvest(out, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
        return Snapshot.open(out);
    }

    private static BigDecimal cost(Dataset d, String month) {
        List<List<Object>> rows = QueryEngine.run(d, Query.builder(Period.parse(month)).dimensions("allocation")
                .measures("cost").filter("allocation = '" + resource + "'").build()).rows();
        return (BigDecimal) rows.get(0).get(1);
    }

    private static List<Finding> assumed(Dataset d) {
        return DataQuality.check(d).stream().filter(f -> f.kind() == FindingKind.PRICES_ASSUMED).toList();
    }

    @Test
    void theNovemberSnapshotAsHistoryPricesNovemberAtItsPrices() {
        Dataset withHistory = new FactBuilder(CountryResolver.standard()).dataset(december, List.of(november));
        assertThat(cost(withHistory, "2026-11")).isEqualByComparingTo("16");
        assertThat(cost(withHistory, "2026-12")).isEqualByComparingTo("32");
        // the November snapshot had no future price, so every month before it had its prices too
        assertThat(assumed(withHistory)).isEmpty();
        assertThat(DataQuality.check(withHistory)).noneMatch(f -> f.kind() == FindingKind.COST_MISMATCH
                && f.message().contains(resource));
    }

    @Test
    void withoutHistoryTheCurrentPricesAreUsedAndTheDataQualitySaysSo() {
        Dataset alone = new FactBuilder(CountryResolver.standard()).dataset(december);
        assertThat(cost(alone, "2026-11")).isEqualByComparingTo("32");
        assertThat(assumed(alone)).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(planOf(december));
            // every month since the plan's first allocation, up to November
            assertThat(f.message()).matches(Pattern.quote("plan 'LUMI Common' (" + planOf(december) + ") changed its"
                    + " prices at some time (Waldur keeps no price history) and no snapshot shows its prices in ")
                    + "20\\d\\d-\\d\\d…2026-11 \\(\\d+ months\\)" + Pattern.quote("; they are priced with the"
                    + " prices of the 2026-12 snapshot (give a snapshot of that time with --price-history)"));
        });
        // the November snapshot on its own never knew of the change
        assertThat(cost(new FactBuilder(CountryResolver.standard()).dataset(november), "2026-11"))
                .isEqualByComparingTo("16");
    }

    private static String planOf(Snapshot s) {
        String[] uuid = {null};
        s.forEach(WaldurCollection.OFFERINGS, Offering.class, o -> {
            if ("LUMI Denmark".equals(o.name())) {
                o.plans().stream().filter(p -> p.name().equals("LUMI Common")).forEach(p -> uuid[0] = p.uuid());
            }
        });
        return uuid[0];
    }

    @Test
    void tallyQueryTakesThePriceHistoryFromTheCommandLine() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.tally.cli.Main.run(dev.tally.cli.TestClock.FIXED, new java.io.PrintWriter(out),
                new java.io.PrintWriter(err), "query", "--snapshot", dir.resolve("2026-12").toString(), "--price-history",
                dir.resolve("2026-11").toString(), "--month", "2026-11", "--group-by", "allocation", "--measure", "cost",
                "--where", "allocation = '" + resource + "'", "--format", "csv");
        assertThat(code).as(err.toString()).isZero();
        // one allocation row, its November cost at November's prices
        assertThat(out.toString().lines().filter(l -> l.contains(resource)).toList()).singleElement()
                .satisfies(row -> assertThat(row).endsWith(",16.00"));
    }
}
