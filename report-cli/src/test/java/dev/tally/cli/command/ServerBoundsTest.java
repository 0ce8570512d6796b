package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server past the client's bounds (docs/reliability.md) fails a harvest with one line and exit 1, publishing nothing. */
class ServerBoundsTest {
    @Test
    void aPageLargerThanThePageSizeAskedForFailsTheHarvestInOneLine(@TempDir Path dir) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        // 301 objects where page_size=300 was asked for.
        byte[] body = ("[" + String.join(",", Collections.nCopies(301, "{\"uuid\":\"a\"}")) + "]")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", x -> {
            seen.add(x.getRequestURI().toString());
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        Path token = dir.resolve("token");
        Files.writeString(token, "0".repeat(40));
        OwnerOnly.restrict(token);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        CliRun run;
        try {
            run = CliRun.of("harvest", "--url", base + "/", "--token-file", token.toString(),
                    "--out", dir.resolve("snap").toString(), "--retries", "0");
        } finally {
            server.stop(0);
        }

        assertThat(seen).hasSize(1);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /api/customers/ returned HTTP 200: a page of 301 objects, more than"
                + " the page_size=300 asked for (at " + base + seen.get(0) + ")" + System.lineSeparator());
        assertThat(dir.resolve("snap")).doesNotExist();
    }
}
