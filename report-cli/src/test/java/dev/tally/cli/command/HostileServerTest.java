package dev.tally.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose error body tries to drive the terminal: the one error line shows it as inert text. */
class HostileServerTest {
    @Test
    void escapeSequencesAndBidiOverridesInAnErrorBodyArePrintedEscaped(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", x -> {
            byte[] body = "{\"detail\": \"denied\\u001b[2J\\r\\nall good \\u202egnp.exe\\u0000\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(403, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        Path token = dir.resolve("token");
        Files.writeString(token, "0".repeat(40));
        OwnerOnly.restrict(token);
        CliRun run;
        try {
            run = CliRun.of("harvest", "--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                    "--token-file", token.toString(), "--out", dir.resolve("snap").toString(), "--retries", "0");
        } finally {
            server.stop(0);
        }

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("tally: GET /api/customers/ returned HTTP 403: denied\\x1B[2J\\x0D\\x0Aall good"
                + " \\u202Egnp.exe\\x00" + System.lineSeparator());
        assertThat(dir.resolve("snap")).doesNotExist();
    }
}
