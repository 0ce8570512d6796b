package dev.tally.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.command.CliRun;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hundred malformed requests (bad paths, bad query strings, invalid questions, huge parameters,
 * wrong methods, bodies, foreign hosts, garbage on the socket): each gets a one-line message, never a
 * stack trace, and the server still answers afterwards. A refused question gets {@code tally query}'s own message.
 */
class MalformedRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExplorerServer server;

    /** One request: method, path with its encoded query, body (or null) and the status it must get. */
    record Bad(String method, String path, String body, int status) {
        static Bad get(String path, int status) {
            return new Bad("GET", path, null, status);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = Explorer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHundredMalformedRequestsEachGetOneLineAndTheServerStillAnswers() throws Exception {
        List<Bad> bad = httpCases();
        List<String> raw = rawCases();
        assertEquals(100, bad.size() + raw.size());
        for (Bad b : bad) {
            String answer = Explorer.rawAnswer(server, Explorer.request(server, b.method(), b.path(), b.body()));
            assertTrue(answer.contains("\r\n\r\n"), b + " -> no answer: " + answer);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals("HTTP/1.1 " + b.status(), answer.substring(0, Math.min(answer.length(), 12)), b + " -> " + answer);
            String message = message(b, body);
            assertFalse(message.isBlank(), b.toString());
            assertFalse(message.contains("\n") || message.contains("Exception") || message.contains("\tat ")
                    || message.contains("java."), b + " -> " + message);
        }
        for (String request : raw) {
            String status = Explorer.raw(server, request);
            // the JDK's server refuses most of these itself (400, or it closes the connection); none is a failure of ours
            assertTrue(status.isEmpty() || status.startsWith("HTTP/1.1 4"), request + " -> " + status);
        }
        assertEquals(200, Explorer.get(server, "/api/meta").statusCode());
        assertEquals(200, Explorer.get(server, "/api/answer?measure=cost&group-by=country").statusCode());
    }

    @Test
    void aRefusedQuestionGetsTallyQuerysMessage() throws Exception {
        String[][] cases = {
            {"measure=cost&where=" + ExplorerServerTest.enc("country =="), "--measure", "cost", "--where", "country =="},
            {"measure=cost&group-by=nope", "--measure", "cost", "--group-by", "nope"},
            {"month=2026-13&measure=cost", "--month", "2026-13", "--measure", "cost"},
            {"group-by=country", "--group-by", "country"},
            {"month=2030-01&measure=cost", "--month", "2030-01", "--measure", "cost"},
            {"measure=cost&top=x", "--measure", "cost", "--top", "x"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("query", "--snapshot", DemoSnapshot.get().toString()));
            args.addAll(List.of(c).subList(1, c.length));
            CliRun cli = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, cli.code(), cli.err());
            String expected = cli.err().lines().findFirst().orElseThrow();
            HttpResponse<byte[]> r = Explorer.get(server, "/api/answer?" + c[0]);
            assertEquals(400, r.statusCode());
            assertEquals(expected, JSON.readTree(r.body()).get("error").asText(), c[0]);
        }
    }

    @Test
    void onlyLoopbackNamesAreAnswered() throws Exception {
        int port = server.address().getPort();
        assertTrue(Explorer.raw(server, "GET /api/meta HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").startsWith("HTTP/1.1 200"));
        assertTrue(Explorer.raw(server, "GET /api/meta HTTP/1.1\r\nHost: rebound.example:" + port + "\r\n\r\n")
                .startsWith("HTTP/1.1 421"));
    }

    /** The one-line message of an error answer: JSON for the page's requests, an HTML paragraph otherwise. */
    private static String message(Bad b, String body) throws Exception {
        if (b.path().startsWith("/api/")) {
            assertTrue(body.startsWith("{"), b + " -> " + body);
            JsonNode j = JSON.readTree(body);
            assertEquals(1, j.size(), body);
            return j.get("error").asText();
        }
        int from = body.indexOf("<p class=\"error\">");
        assertTrue(from >= 0, b + " -> " + body);
        return body.substring(from + 17, body.indexOf("</p>", from));
    }

    private static List<Bad> httpCases() {
        String huge = "x".repeat(5000);
        List<Bad> b = new ArrayList<>(List.of(
                // paths
                Bad.get("/nope", 404), Bad.get("/api/nope", 404), Bad.get("/api/answer/extra", 404), Bad.get("/index.html", 404),
                Bad.get("/%2e%2e/%2e%2e/etc/passwd", 404), Bad.get("/explorer.js/x", 404), Bad.get("/" + "a".repeat(300), 414),
                Bad.get("/api/values", 400), Bad.get("/api/values?dimension=nope", 400), Bad.get("/api/values?dimension=country&x=1", 400),
                Bad.get("/api/download?format=pdf&measure=cost", 400), Bad.get("/api/download?measure=cost", 400),
                Bad.get("/%00", 404), Bad.get("/api/meta%0d%0aSet-Cookie:x", 404),
                // query strings
                Bad.get("/api/answer?measure=%e9", 400), Bad.get("/api/answer?measure=%C3%28", 400),
                Bad.get("/api/answer?measure=cost&measure=cost", 400), Bad.get("/api/answer?measure=cost&snapshot=/etc", 400),
                Bad.get("/api/answer?measure=cost&out=/tmp/x.xlsx", 400), Bad.get("/api/answer?measure=cost&format=xlsx", 400),
                Bad.get("/api/answer?measure=cost&subtotals=maybe", 400), Bad.get("/api/answer?measure=cost&verbose=true", 400),
                Bad.get("/api/answer?measure=cost&help", 400), Bad.get("/api/answer?" + "a=1&".repeat(40), 400),
                Bad.get("/api/answer?measure=cost&where=" + huge, 414), Bad.get("/?" + huge, 414),
                // questions tally query refuses
                Bad.get("/api/answer?measure=cost&where=country%20%3D%3D", 400), Bad.get("/api/answer?measure=cost&where=(((", 400),
                Bad.get("/api/answer?measure=cost&where=foo%20%3D%201", 400), Bad.get("/api/answer?measure=cost&group-by=nope", 400),
                Bad.get("/api/answer?measure=nope", 400), Bad.get("/api/answer?measure=usage", 400), Bad.get("/api/answer?group-by=country", 400),
                Bad.get("/api/answer?measure=cost&month=2026-13", 400), Bad.get("/api/answer?measure=cost&quarter=2026-Q5", 400),
                Bad.get("/api/answer?measure=cost&year=abc", 400), Bad.get("/api/answer?measure=cost&from=2026-10-05&to=2026-10-01", 400),
                Bad.get("/api/answer?measure=cost&from=2026-10-05", 400), Bad.get("/api/answer?measure=cost&month=2030-01", 400),
                Bad.get("/api/answer?measure=cost&month=2026-10&year=2026", 400), Bad.get("/api/answer?measure=cost&top=x", 400),
                Bad.get("/api/answer?measure=cost&sort=bogus", 400), Bad.get("/api/answer?measure=cost&group-by=order_type", 400),
                Bad.get("/api/answer?measure=cost&where=is_industry%20%3D%20maybe", 400),
                Bad.get("/api/answer?measure=cost&where=%07%1b%5b31m", 400), Bad.get("/api/answer?measure=cost&currency=EURO", 400),
                Bad.get("/api/answer?measure=cost&where=country%20%3D%20%27" + "y".repeat(3000) + "%27", 400),
                Bad.get("/api/answer?measure=cost&group-by=" + "z".repeat(3000), 400),
                Bad.get("/api/question?measure=cost&group-by=nope", 400), Bad.get("/api/download?format=csv&measure=nope", 400),
                Bad.get("/api/download?format=xlsx&measure=cost&where=(((", 400),
                // methods and bodies
                new Bad("POST", "/", "x", 405), new Bad("PUT", "/api/answer?measure=cost", "x", 405), new Bad("DELETE", "/", null, 405),
                new Bad("PATCH", "/api/meta", "{}", 405), new Bad("OPTIONS", "/", null, 405),
                new Bad("POST", "/api/answer", "m".repeat(10_000), 405), new Bad("GET", "/api/meta", "a body", 413)));
        // malformed filters, as a person might mistype them
        String[] filters = {"country =", "= 'x'", "country = 'open", "not", "and", "country in ('a',", "country in 'a'",
            "country =< 'x'", "country ! 'x'", "country = 'a' or", "(country = 'a'", "country = 'a')", "month >= 2026-13",
            "quarter = 2026-Q9", "year = twenty", "is_training = 'perhaps'", "country in ()", "country = 'a' and and country = 'b'",
            "project", "'Finland'", "country = 'a' country = 'b'", "country @ 'a'", "country = 'a'; drop", "not not not",
            "country in ('a' 'b')", "country = 'Finland' and (", "access_type >", "1 = 1", "country = '''", "used_ai_tech in (", "field_of_science = )"};
        for (String f : filters) {
            b.add(Bad.get("/api/answer?measure=cost&where=" + ExplorerServerTest.enc(f), 400));
        }
        return b;
    }

    private static List<String> rawCases() {
        int port = server.address().getPort();
        return List.of(
                "GET /api/meta HTTP/1.1\r\nHost: evil.example\r\n\r\n",
                "GET /api/meta HTTP/1.0\r\n\r\n",
                // a body far beyond what the server reads: it answers 405 and closes, so the client may see only the close
                "POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 1000000\r\n\r\n" + "m".repeat(1_000_000),
                "GET /api/answer?measure=%zz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
                "GARBAGE\r\n\r\n",
                "GET\r\n\r\n",
                "\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nBad header line\r\n\r\n",
                "\u0000\u0001\u0002\u00ff\u00fe garbage",
                "GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1:" + port + ", 127.0.0.1:" + port + "\r\n\r\n",
                "GET /api/answer?measure=cost HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }
}
