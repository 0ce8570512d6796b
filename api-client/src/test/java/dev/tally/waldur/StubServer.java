package dev.tally.waldur;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP server on 127.0.0.1 for the failures the emulator does not produce (redirects,
 * foreign {@code Link} targets, HTML bodies). It records every request it sees, headers included.
 */
final class StubServer implements AutoCloseable {
    /** What the stub saw: method, path with query, and the {@code Authorization} header (null when absent). */
    record Seen(String method, String pathAndQuery, String authorization) {
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Script {
        Reply answer(int index, HttpExchange exchange);
    }

    /** A canned response. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubServer(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int index = seen.size();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Reply reply = script.answer(index, exchange);
            if (exchange.getResponseCode() != -1) {
                // The script answered by itself (e.g. a stalled body).
                exchange.close();
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        // Handlers run off the dispatcher thread, so close() never waits for a stalled one.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** For example {@code http://127.0.0.1:40123/}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
