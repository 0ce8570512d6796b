package dev.tally.cli.serve;

import com.sun.net.httpserver.HttpServer;
import dev.tally.cli.report.ReportInput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The explorer's HTTP server (the JDK's {@code com.sun.net.httpserver}) on one address, answering from
 * one loaded snapshot with a small, fixed pool of threads; closing it stops it and removes its scratch folder.
 */
final class ExplorerServer implements AutoCloseable {
    static final int THREADS = 4;
    /** Requests waiting for a thread; beyond this the accepting thread answers them itself, which slows new connections. */
    static final int QUEUE = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Path scratch;

    private ExplorerServer(HttpServer server, ThreadPoolExecutor pool, Path scratch) {
        this.server = server;
        this.pool = pool;
        this.scratch = scratch;
    }

    /** Starts serving {@code input} (read from {@code snapshot}) on {@code address}; port 0 takes any free port. */
    static ExplorerServer start(InetAddress address, int port, Clock clock, Path snapshot, ReportInput input) throws IOException {
        Path scratch = Files.createTempDirectory("tally-serve-");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            int bound = server.getAddress().getPort();
            Routes routes = new Routes(new QueryRunner(clock, snapshot, input, scratch), new Catalogue(input, snapshot),
                    PageAssets.load(), HostCheck.of(address, bound));
            server.createContext("/", routes);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(QUEUE), daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
            server.setExecutor(pool);
            server.start();
            return new ExplorerServer(server, pool, scratch);
        } catch (IOException | RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
    }

    /** The address the server is bound to. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's address, to open in a browser. */
    String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        deleteTree(scratch);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tally-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it up
        }
    }
}
