package dev.tally.cli.serve;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.TestClock;
import dev.tally.cli.report.ReportInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The explorer over the demo snapshot, loaded once per test JVM, and the ways tests talk to it. */
final class Explorer {
    private static ReportInput input;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Explorer() {
    }

    static synchronized ReportInput input() {
        if (input == null) {
            input = ReportInput.load(DemoSnapshot.get());
        }
        return input;
    }

    /** A server on 127.0.0.1, any free port. */
    static ExplorerServer start() throws IOException {
        return ExplorerServer.start(InetAddress.getByName("127.0.0.1"), 0, TestClock.FIXED, DemoSnapshot.get(), input());
    }

    /** {@code GET pathAndQuery} (already URL-encoded). */
    static HttpResponse<byte[]> get(ExplorerServer server, String pathAndQuery) throws IOException, InterruptedException {
        return send(server, "GET", pathAndQuery, HttpRequest.BodyPublishers.noBody());
    }

    static HttpResponse<byte[]> send(ExplorerServer server, String method, String pathAndQuery, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(60)).method(method, body).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Raw bytes to the server's socket; the status line of the answer, or "" when it closes without one. */
    static String raw(ExplorerServer server, String request) throws IOException {
        return rawAnswer(server, request).lines().findFirst().orElse("");
    }

    /** {@code method path} as sent, unchecked (a client library would refuse a malformed path), with a body or none. */
    static String request(ExplorerServer server, String method, String path, String body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.address().getPort() + "\r\nConnection: close\r\n";
        return body == null ? head + "\r\n" : head + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** The whole answer to raw bytes, headers and body, decoded as UTF-8; "" when the server closes without one. */
    static String rawAnswer(ExplorerServer server, String request) throws IOException {
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.net.SocketException e) {
            return "";
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
