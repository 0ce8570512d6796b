package dev.tally.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.emulator.Emulator;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;

/** Harvests and writes to a running emulator over loopback HTTP with the staff token, for scripted changes between harvests. */
final class EmulatorHarvests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Emulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    EmulatorHarvests(Emulator emulator) {
        this.emulator = emulator;
    }

    /** A full harvest into {@code dir}, stamped with the emulator's logical clock. */
    Path harvest(Path dir) throws Exception {
        WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
        new Harvester(new WaldurClient(config), "test", emulator.clock())
                .harvest(dir, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
        return dir;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
    }

    JsonNode post(String path, String body, int expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    JsonNode patch(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), 200);
    }

    /** Submits an Update order with {@code limits} (JSON) for a resource, approves it as the provider, and checks it is done. */
    void updateLimits(String resource, String limits) throws IOException, InterruptedException {
        String order = post("marketplace-resources/" + resource + "/update_limits/", "{\"limits\": " + limits + "}", 200)
                .get("order_uuid").asText();
        post("marketplace-orders/" + order + "/approve_by_provider/", "{}", 200);
        String state = get("marketplace-orders/" + order + "/").get("state").asText();
        if (!state.equals("done")) {
            throw new IllegalStateException("order " + order + " is " + state + ", not done");
        }
    }

    private URI uri(String path) {
        return emulator.baseUrl().resolve("api/" + path);
    }

    private JsonNode send(HttpRequest.Builder b, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.header("Authorization", "Token " + emulator.staffToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " gave " + r.statusCode() + ": " + r.body());
        }
        return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }
}
