package dev.tally.waldur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Manifest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvest copies list elements with a streaming parser (no trees): objects are stored as received,
 * compact, with every number's digits kept, over real loopback HTTP against scripted servers.
 */
class HarvestLinesTest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

    private static Harvester harvester(StubServer server) {
        return new Harvester(new WaldurClient(TestClients.config(server.baseUrl(), TOKEN).build()), "test", TestClients.CLOCK);
    }

    private static String lines(Path file) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesEachObjectAsOneCompactLineWithExactNumbers(@TempDir Path dir) throws Exception {
        String body = "[ {\"cost\": \"1.3010000000\", \"price\": 1.50, \"zero\": 0.0, \"negative_zero\": -0.0,"
                + " \"exponent\": 1e5, \"tiny\": 0.0000001, \"int\": -0, \"long\": 12345678901234,"
                + " \"huge\": 123456789012345678901234567890, \"text\": \"caf\\u00e9 \\\"q\\\" \\/ \\t\","
                + " \"none\": null, \"nested\": [true, false, {}, [], {\"deep\": [[1.10]]}]},\n"
                + "  {\"uuid\": \"0123456789abcdef0123456789abcdef\"} ]";
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200,
                Map.of("Content-Type", "application/json", "X-Result-Count", "2"), body))) {

            Manifest m = harvester(api).harvest(dir.resolve("s"), EnumSet.of(WaldurCollection.CUSTOMERS), Harvester.Progress.NONE);

            assertThat(m.collections().get("customers").count()).isEqualTo(2);
            // Decimals keep their trailing zeros; exponents and -0.0 come out as BigDecimal writes them,
            // exactly as when objects were read into JsonNode trees and written back. In canonical order
            // (docs/harvest.md) an object with a UUID comes before one without.
            assertThat(lines(dir.resolve("s/customers.jsonl.gz"))).isEqualTo(
                    "{\"uuid\":\"0123456789abcdef0123456789abcdef\"}\n"
                            + "{\"cost\":\"1.3010000000\",\"price\":1.50,\"zero\":0.0,\"negative_zero\":0.0,\"exponent\":1E+5,"
                            + "\"tiny\":1E-7,\"int\":0,\"long\":12345678901234,\"huge\":123456789012345678901234567890,"
                            + "\"text\":\"café \\\"q\\\" / \\t\",\"none\":null,\"nested\":[true,false,{},[],{\"deep\":[[1.10]]}]}\n");
        }
    }

    @Test
    void copiesCompactObjectsAsTheyAreAndReencodesOnlyTheOnesThatDiffer(@TempDir Path dir) throws Exception {
        // Compact, as servers send it: the first object is copied byte for byte; the others hold a
        // negative zero, a tiny decimal, an exponent, an escaped character or an escaped slash.
        String body = "[{\"a\":1.50,\"b\":-0.5,\"c\":0.000001,\"d\":[true,null,-12],\"e\":\"ü\"},"
                + "{\"d\":-0.0},{\"e\":0.0000001},{\"f\":1e5},{\"g\":\"caf\\u00e9\"},{\"h\":\"a\\/b\"}]";
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200,
                Map.of("Content-Type", "application/json; charset=utf-8", "X-Result-Count", "6"), body))) {

            harvester(api).harvest(dir.resolve("s"), EnumSet.of(WaldurCollection.CUSTOMERS), Harvester.Progress.NONE);

            assertThat(lines(dir.resolve("s/customers.jsonl.gz"))).isEqualTo(
                    "{\"a\":1.50,\"b\":-0.5,\"c\":0.000001,\"d\":[true,null,-12],\"e\":\"ü\"}\n"
                            + "{\"d\":0.0}\n{\"e\":1E-7}\n{\"f\":1E+5}\n{\"g\":\"café\"}\n{\"h\":\"a/b\"}\n");
        }
    }

    @Test
    void storesBareValuesInAListOnePerLine(@TempDir Path dir) throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200,
                Map.of("Content-Type", "application/json", "X-Result-Count", "5"), "[\"a\\/b\", 1.50, -0, true, null]"))) {

            harvester(api).harvest(dir.resolve("s"), EnumSet.of(WaldurCollection.CUSTOMERS), Harvester.Progress.NONE);

            // values without a UUID are in canonical order by their bytes (docs/harvest.md)
            assertThat(lines(dir.resolve("s/customers.jsonl.gz"))).isEqualTo("\"a/b\"\n0\n1.50\nnull\ntrue\n");
        }
    }

    @Test
    void refusesAListBodyThatIsNotAnArrayWithoutRetrying(@TempDir Path dir) throws Exception {
        try (StubServer api = new StubServer((i, x) -> StubServer.Reply.json(200, "{\"detail\": \"not a list\"}"))) {

            assertThatThrownBy(() -> harvester(api).harvest(dir.resolve("s"), EnumSet.of(WaldurCollection.CUSTOMERS), Harvester.Progress.NONE))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessage("GET /api/customers/ returned HTTP 200: expected a JSON array (a Waldur list), got OBJECT");

            assertThat(api.seen()).hasSize(1);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void retriesABodyCutHalfWayAndStoresTheCompleteOne(@TempDir Path dir) throws Exception {
        try (StubServer api = new StubServer((i, x) -> new StubServer.Reply(200,
                Map.of("Content-Type", "application/json", "X-Result-Count", "1"),
                i == 0 ? "[{\"uuid\": \"ab" : "[{\"uuid\": \"abc\"}]"))) {

            harvester(api).harvest(dir.resolve("s"), EnumSet.of(WaldurCollection.CUSTOMERS), Harvester.Progress.NONE);

            assertThat(lines(dir.resolve("s/customers.jsonl.gz"))).isEqualTo("{\"uuid\":\"abc\"}\n");
            assertThat(api.seen()).hasSize(2);
        }
    }
}
