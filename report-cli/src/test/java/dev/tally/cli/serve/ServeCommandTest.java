package dev.tally.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.Main;
import dev.tally.cli.TestClock;
import dev.tally.cli.command.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code tally serve} as a user starts it: loopback unless told, the address printed, stopped by an interrupt (Ctrl-C). */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("Tally explorer on (http://([0-9.]+):([0-9]+)/) \\(open it in a browser\\)");

    @Test
    void listensOn127001UnlessToldAndStopsWhenInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.run(TestClock.FIXED, new PrintWriter(out), new PrintWriter(err),
                "serve", "--snapshot", DemoSnapshot.get().toString(), "--port", "0")));
        serve.start();
        Matcher m = awaitUrl(out, serve);
        assertEquals("127.0.0.1", m.group(2), "the address the server is bound to");
        assertTrue(err.toString().startsWith("loading snapshot " + DemoSnapshot.get() + " ...\n"), err.toString());
        assertTrue(err.toString().contains("loaded 4000 allocations and 6077 orders, data as of 2026-11-01 00:00 UTC"), err.toString());
        assertTrue(!err.toString().contains("warning"), err.toString());
        HttpClient http = HttpClient.newHttpClient();
        URI meta = URI.create(m.group(1) + "api/meta");
        assertEquals(200, http.send(HttpRequest.newBuilder(meta).build(), HttpResponse.BodyHandlers.discarding()).statusCode());

        serve.interrupt();
        serve.join(30_000);
        assertEquals(0, code.get());
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(meta).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    void refusesAPortOutOfRangeInOneLine() {
        CliRun run = CliRun.of("serve", "--snapshot", DemoSnapshot.get().toString(), "--port", "70000");
        assertEquals(2, run.code());
        assertEquals("--port must be between 0 and 65535, got 70000", run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void refusesAMissingSnapshotInOneLine() {
        CliRun run = CliRun.of("serve", "--snapshot", "/nonexistent/snapshot", "--port", "0", "--quiet");
        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("tally: ") && run.err().contains("/nonexistent/snapshot"), run.err());
    }

    @Test
    void helpTeachesWithAnExample() {
        CliRun run = CliRun.of("serve", "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("./tally serve --snapshot tally-demo/snapshot"), run.out());
        assertTrue(run.out().contains("--host=ADDRESS"), run.out());
    }

    private static Matcher awaitUrl(StringWriter out, Thread serve) throws InterruptedException {
        // waits for a line the command prints, not for a time: it ends when the line appears or the command has ended
        while (serve.isAlive()) {
            Matcher m = URL.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("tally serve ended without printing its address: " + out);
    }
}
