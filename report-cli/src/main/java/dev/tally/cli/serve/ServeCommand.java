package dev.tally.cli.serve;

import dev.tally.cli.command.SnapshotCommand;
import dev.tally.cli.render.Wording;
import dev.tally.cli.report.ReportInput;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code tally serve}: a read-only explorer page over one snapshot, on this machine, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explore a snapshot in a web browser: a local, read-only page over tally query.",
        description = {
            "Serve a page for exploring a snapshot in a web browser: choose a period, dimensions, measures and a filter, read",
            "the table and its chart, click a row to drill down, and download the answer as xlsx or CSV. Every answer is",
            "tally query's own (the same numbers, files and messages); the whole question is in the page's address, so a",
            "link can be bookmarked and sent. The page needs nothing from the internet, and the server never talks to Waldur",
            "and holds no token: it serves only what the snapshot holds.",
            "",
            "It listens on 127.0.0.1 (this machine only) unless --host says otherwise, prints the address to open, and",
            "stops on Ctrl-C."},
        footer = {"", "Example (after ./tally demo):",
            "  ./tally serve --snapshot tally-demo/snapshot",
            "  then open http://127.0.0.1:8780/ in a browser"})
public final class ServeCommand extends SnapshotCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8780", paramLabel = "N",
            description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); another address lets other"
                    + " machines read the snapshot.")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        InetAddress address = address();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!top.quiet()) {
            err.println("loading snapshot " + snapshot.dir() + " ...");
            err.flush();
        }
        ReportInput input = top.input(snapshot.dir(), cache.cache(top.files()));
        if (!top.quiet()) {
            err.println("loaded " + input.dataset().size() + " allocations and " + input.dataset().orders().size()
                    + " orders, data as of " + Wording.asOf(input.snapshot().manifest().startedAt()));
        }
        if (!address.isLoopbackAddress()) {
            err.println("warning: listening on " + address.getHostAddress() + ", not 127.0.0.1: anyone who can reach this"
                    + " machine can read the snapshot");
        }
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        try (ExplorerServer server = ExplorerServer.start(address, port, top.clock(), snapshot.dir(), input)) {
            out.println("Tally explorer on " + server.url() + " (open it in a browser); press Ctrl-C to stop.");
            out.flush();
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "tally-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } finally {
                removeHook(hook);
            }
        } catch (InterruptedException e) {
            // stopped by the caller (a test, or an embedding program); the server is closed above
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(host.strip());
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host '" + host + "' is not a known host name or address");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
