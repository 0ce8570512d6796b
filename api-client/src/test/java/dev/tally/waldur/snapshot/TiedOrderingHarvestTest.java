package dev.tally.waldur.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.waldur.InvalidResponseException;
import dev.tally.waldur.Query;
import dev.tally.waldur.TestClients;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.WaldurJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's {@code ties:shuffle} lists rows that tie under the ordering in a new order per request, as
 * PostgreSQL may. Offset paging fetched in parallel then repeats some objects and skips others with the count
 * intact; a harvest must still give the same objects as a clean one, or fail.
 */
class TiedOrderingHarvestTest {
    private static final int TWIN_CUSTOMERS = 40;
    private static final int TWIN_PROJECTS = 30;
    private static final Set<WaldurCollection> ORGANISATIONS =
            EnumSet.of(WaldurCollection.CUSTOMERS, WaldurCollection.PROJECTS);
    private static final ObjectMapper JSON = WaldurJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Emulator emulator;

    @BeforeAll
    static void startWithTwins() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults());
        // Waldur lets names repeat; the generated organisations and projects have none, so add runs that tie.
        String customerUrl = null;
        for (int i = 0; i < TWIN_CUSTOMERS; i++) {
            JsonNode customer = post("customers/", "{\"name\": \"Twin Organisation\"}");
            customerUrl = customer.get("url").asText();
        }
        for (int i = 0; i < TWIN_PROJECTS; i++) {
            post("projects/", "{\"name\": \"Twin project\", \"customer\": \"" + customerUrl + "\"}");
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aNaiveParallelFetchRepeatsAndSkipsCustomersWithTheCountIntact() throws Exception {
        emulator.setFaults("ties:shuffle");
        List<String> uuids = new ArrayList<>();
        int total;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            HttpResponse<String> first = get("customers/?page_size=5");
            total = Integer.parseInt(first.headers().firstValue("X-Result-Count").orElseThrow());
            List<Future<HttpResponse<String>>> pages = new ArrayList<>();
            for (int page = 2; page <= (total + 4) / 5; page++) {
                String path = "customers/?page_size=5&page=" + page;
                pages.add(pool.submit(() -> get(path)));
            }
            addUuids(first, uuids);
            for (Future<HttpResponse<String>> page : pages) {
                addUuids(page.get(), uuids);
            }
        } finally {
            pool.shutdownNow();
            emulator.setFaults("");
        }

        assertThat(total).isEqualTo(11 + TWIN_CUSTOMERS);
        assertThat(uuids).hasSize(total);
        assertThat(new HashSet<>(uuids).size()).isLessThan(total);
    }

    @Test
    void aParallelHarvestUnderShuffledTiesHoldsTheSameObjectsAsAClean(@TempDir Path dir) throws Exception {
        emulator.setFaults("");
        Manifest clean = harvest(dir.resolve("clean"));
        emulator.setFaults("ties:shuffle");
        Manifest shuffled;
        try {
            shuffled = harvest(dir.resolve("shuffled"));
        } finally {
            emulator.setFaults("");
        }

        for (WaldurCollection c : ORGANISATIONS) {
            Map<String, String> expected = linesByUuid(dir.resolve("clean").resolve(c.id() + ".jsonl.gz"));
            Map<String, String> actual = linesByUuid(dir.resolve("shuffled").resolve(c.id() + ".jsonl.gz"));
            assertThat(actual).isEqualTo(expected);
            assertThat(shuffled.collections().get(c.id()).count()).isEqualTo(clean.collections().get(c.id()).count());
        }
        assertThat(clean.collections().get("customers").count()).isEqualTo(11 + TWIN_CUSTOMERS);
        assertThat(clean.collections().get("projects").count()).isEqualTo(2500 + TWIN_PROJECTS);
    }

    @Test
    void aCallersTiedOrderingIsCheckedAndRefilled() {
        WaldurClient client = client();
        emulator.setFaults("");
        Map<String, JsonNode> clean = byUuid(client.listRaw("customers/", Query.of("o", "name")));
        emulator.setFaults("ties:shuffle");
        List<JsonNode> shuffled;
        long before = client.requestCount();
        try {
            // o=name ties the 40 twins, and the caller's o= replaces the client's tie-free one: the parallel walk
            // comes out short, and the refill at 300 a page (one page here) finds the rest.
            shuffled = client.listRaw("customers/", Query.of("o", "name"));
        } finally {
            emulator.setFaults("");
        }

        assertThat(shuffled).hasSize(11 + TWIN_CUSTOMERS);
        assertThat(byUuid(shuffled)).isEqualTo(clean);
        // Eleven pages of five, then the refill: the check did find the walk short.
        assertThat(client.requestCount() - before).isGreaterThan(11);
    }

    @Test
    void aListThatStaysShortFailsNamingTheList() {
        WaldurClient client = client();
        emulator.setFaults("ties:shuffle");
        try {
            // Thousands of orders share a state: no walk at 300 a page can see every one of them.
            assertThatThrownBy(() -> client.listRaw("marketplace-orders/", Query.of("o", "state").and("field", "uuid")))
                    .isInstanceOf(InvalidResponseException.class)
                    .hasMessageContaining("the list marketplace-orders gave ")
                    .hasMessageContaining("its ordering is not stable between pages; run again")
                    .hasMessageNotContaining("\n");
        } finally {
            emulator.setFaults("");
        }
    }

    private static WaldurClient client() {
        return new WaldurClient(TestClients.config(emulator.baseUrl(), emulator.staffToken())
                .pageSize(5).concurrency(4).build());
    }

    private static Manifest harvest(Path out) throws Exception {
        return new Harvester(client(), "test", TestClients.CLOCK).harvest(out, ORGANISATIONS, Harvester.Progress.NONE);
    }

    private static Map<String, String> linesByUuid(Path file) throws Exception {
        Map<String, String> lines = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String uuid = JSON.readTree(line).get("uuid").asText();
                assertThat(lines.put(uuid, line)).as("stored twice: %s", uuid).isNull();
            }
        }
        return lines;
    }

    private static Map<String, JsonNode> byUuid(List<JsonNode> objects) {
        Map<String, JsonNode> map = new HashMap<>();
        objects.forEach(o -> map.put(o.get("uuid").asText(), o));
        return map;
    }

    private static void addUuids(HttpResponse<String> page, List<String> uuids) throws Exception {
        assertThat(page.statusCode()).isEqualTo(200);
        for (JsonNode row : JSON.readTree(page.body())) {
            uuids.add(row.get("uuid").asText());
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "api/" + path))
                .header("Authorization", "Token " + emulator.staffToken());
    }
}
