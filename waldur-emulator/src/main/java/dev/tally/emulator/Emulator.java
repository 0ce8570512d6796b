package dev.tally.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.tally.emulator.fault.FaultPlan;
import dev.tally.emulator.store.Quirks;
import dev.tally.emulator.http.ApiHandler;
import dev.tally.emulator.http.ResponseWriter;
import dev.tally.emulator.http.Writes;
import dev.tally.emulator.store.DatasetGenerator;
import dev.tally.emulator.store.MonthStart;
import dev.tally.emulator.store.OrderLifecycle;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * A running emulator: a generated dataset served by the JDK HTTP server on 127.0.0.1.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.start(EmulatorConfig.defaults())) {
 *     URI api = emulator.baseUrl().resolve("api/");
 *     String token = emulator.staffToken();
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    /** Enough workers for 32+ concurrent clients with keep-alive connections. */
    private static final int WORKER_THREADS = 64;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Store store;
    private final EmulatorConfig config;
    private final ResponseWriter writer;

    private Emulator(HttpServer server, ExecutorService workers, ScheduledExecutorService scheduler, Store store,
                     EmulatorConfig config, ResponseWriter writer) {
        this.server = server;
        this.workers = workers;
        this.scheduler = scheduler;
        this.store = store;
        this.config = config;
        this.writer = writer;
    }

    /** Generates the dataset and binds 127.0.0.1:{@code config.port()} (0 = ephemeral). */
    public static Emulator start(EmulatorConfig config) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms per request.
        // Read once when the JDK's server config loads, so set it before the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Store store = DatasetGenerator.generate(config.seed(), config.scale(), config.asOf(), config.staffToken());
        Quirks.apply(store, config.quirks());
        FaultPlan faults = FaultPlan.parse(config.faults(), config.seed());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("waldur-emulator-orders"));
        Writes writes = new Writes(store, new OrderLifecycle(store, config.orderProcessingDelay(), scheduler));
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 128);
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemon("waldur-emulator-http"));
        server.setExecutor(workers);
        ResponseWriter writer = new ResponseWriter(faults);
        server.createContext("/", new ApiHandler(store, writes, writer, config.quirks()));
        server.start();
        return new Emulator(server, workers, scheduler, store, config, writer);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** For example {@code http://127.0.0.1:43127/}; the API lives under {@code baseUrl().resolve("api/")}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The emulator's logical clock: {@link EmulatorConfig#asOf()} plus one millisecond per write. A
     * harvest stamped with it is the same on any date, so {@code tally demo} is reproducible.
     */
    public Clock clock() {
        return new LogicalClock(store::now, ZoneOffset.UTC);
    }

    /**
     * Builds the invoice items of the invoiced months now, on a daemon thread, instead of on the first request for
     * them: a client about to harvest everything (tally demo) then does not wait for them at the end, while its
     * other collections are served. The items are those a first request would have had at this logical time, and a
     * write still makes the next request rebuild them (docs/emulator.md, "Invoices").
     */
    public void prepareInvoices() {
        Thread t = new Thread(() -> {
            java.util.concurrent.locks.Lock lock = store.readLock();
            lock.lock();
            try {
                store.invoices().items();
            } finally {
                lock.unlock();
            }
        }, "waldur-emulator-invoices");
        t.setDaemon(true);
        t.start();
    }

    /** The staff user's token: sees and may do everything. */
    public String staffToken() {
        return config.staffToken();
    }

    /** Allocator organisation name → its user's token, in the dataset's stable order. */
    public Map<String, String> allocatorTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (User user : store.usersByName().values()) {
            if (!user.staff() && user.username().endsWith("-allocator")) {
                String name = store.customers().find(user.customerUuid()).orElseThrow().text("name");
                tokens.put(name, user.token());
            }
        }
        return Collections.unmodifiableMap(tokens);
    }

    /** The token of the LUMI service provider organisation ("Large Unified Modern Infrastructure"). */
    public String providerToken() {
        return store.userByName("lumi-sp").orElseThrow().token();
    }

    /** Username → password of every user, for {@code POST /api-auth/password/}. */
    public Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        store.usersByName().values().forEach(user -> passwords.put(user.username(), user.password()));
        return Collections.unmodifiableMap(passwords);
    }

    /**
     * Switches fault injection for every later request, so one instance (one port, one set of absolute URLs) can
     * serve both clean and faulty runs. Same syntax as {@link EmulatorConfig#faults()}; {@code ""} turns faults off.
     * The draw stream restarts from the dataset seed, so the same spec and request order give the same faults.
     *
     * @throws IllegalArgumentException if the spec is malformed; the current plan then stays in force
     */
    public void setFaults(String spec) {
        setFaults(spec, config.seed());
    }

    /**
     * The same, drawing faults from {@code faultSeed} instead of the dataset seed, so one dataset can be
     * harvested under many different fault sequences (the fault matrix in docs/reliability.md).
     */
    public void setFaults(String spec, long faultSeed) {
        writer.setFaults(FaultPlan.parse(spec == null ? "" : spec.strip(), faultSeed));
    }

    /**
     * Moves the logical clock forward to {@code to}, doing at each month start on the way what Waldur's monthly task does
     * (docs/emulator.md, "Moving the clock"): future plan prices become prices. Later writes tick on from {@code to}.
     *
     * @throws IllegalArgumentException if {@code to} is before the clock
     */
    public void advanceClock(Instant to) {
        Lock lock = store.writeLock();
        lock.lock();
        try {
            MonthStart.advance(store, to);
        } finally {
            lock.unlock();
        }
    }

    /** Stops the server at once and its threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
