package dev.tally.cli.command;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback server giving every request the same JSON answer, for the faults the emulator does not produce. */
final class CannedServer implements AutoCloseable {
    private final HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    CannedServer(int status, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext("/", x -> {
            seen.add(x.getRequestURI().toString());
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(status, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    /** For example {@code http://127.0.0.1:40123}, without a trailing slash. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The path and query of every request, in order. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    /** A token file in {@code dir} only its owner can read, as harvest wants. */
    static Path tokenFile(Path dir) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, "0".repeat(40));
        OwnerOnly.restrict(token);
        return token;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
