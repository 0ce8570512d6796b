package dev.tally.cli.command;

import dev.tally.cli.ToolVersion;
import dev.tally.cli.option.ConnectionOptions;
import dev.tally.waldur.NotFoundException;
import dev.tally.waldur.WaldurApiException;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.IncrementalOptions;
import dev.tally.waldur.snapshot.Manifest;
import dev.tally.waldur.snapshot.Snapshot;
import dev.tally.waldur.snapshot.SnapshotException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tally harvest}: copies Waldur collections into a verified snapshot directory. */
@Command(name = "harvest", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Copy Waldur collections (offerings, orders, resources, usages, ...) into a verified snapshot.",
        description = {
            "Harvest customers, projects, public offerings (with plans), orders, resources and component",
            "usages from a Waldur API into a snapshot: one gzipped JSON-lines file per collection, holding",
            "the objects exactly as received, plus manifest.json (API URL, times, tool version, counts, SHA-256).",
            "",
            "The snapshot is written beside DIR and renamed into place only when every collection is complete",
            "and its count matches the server's X-Result-Count; a failed harvest leaves no DIR behind.",
            "DIR must be new, empty or an earlier snapshot (it has a Tally manifest.json); anything else is refused.",
            "Progress goes to stderr when it is a terminal.",
            "",
            "Reads are retried on 429 (after Retry-After), 5xx and lost connections, with exponential backoff.",
            "The token comes from --token-file, --profile or WALDUR_TOKEN; it is never printed or written."},
        footer = {"", "Incremental refresh (--since): customers and offerings are fetched whole; orders, resources and",
            "projects modified since the base snapshot's start minus --overlap, with their UUID lists to drop deleted",
            "objects; component usages of the months from the one before the base's month up to now. The result",
            "equals a full harvest of the same server state (docs/harvest.md says when to run a full one anyway).",
            "", "Examples:",
            "  WALDUR_TOKEN=... tally harvest --url https://puhuri-core.neic.no/api/ --out snapshots/2026-10",
            "  tally harvest --profile puhuri --since snapshots/2026-10-01 --out snapshots/2026-10-02",
            "  tally harvest --profile puhuri --out snap --collections offerings,resources --page-size 100"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Snapshot written.", "1:Harvest failed; no DIR was written (the message names the cause).",
            "2:Invalid usage (unknown option, bad value, no URL or token, DIR holds something that is not a snapshot)."})
public final class HarvestCommand extends TallySubcommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Snapshot directory to create: new, empty or an earlier snapshot, which is replaced only after "
                    + "a complete harvest.")
    Path out;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "300",
            description = "Objects per page, 1..300 (Waldur's maximum). Default: ${DEFAULT-VALUE}.")
    int pageSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Pages fetched in parallel once the total is known, 1..64. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--collections", paramLabel = "NAME", split = ",",
            description = "Collections to harvest, comma-separated: customers, projects, offerings, orders, resources, "
                    + "component-usages. Default: all.")
    List<String> collections;

    @Option(names = "--since", paramLabel = "SNAPSHOT_DIR",
            description = "Refresh the snapshot SNAPSHOT_DIR: fetch only what changed since it was harvested and "
                    + "write a new complete snapshot to --out (SNAPSHOT_DIR itself is not changed). It is verified "
                    + "first; a damaged one is refused.")
    Path since;

    @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "1d",
            description = "With --since: how far before the base snapshot's start to ask for modified objects, "
                    + "covering clock skew between Waldur and this machine (e.g. 1d, 12h, 30m, PT6H). "
                    + "Default: ${DEFAULT-VALUE}.")
    String overlap;

    @Option(names = "--usage-months", paramLabel = "N", defaultValue = "1",
            description = "With --since: re-fetch the component usages of N months before the base snapshot's month "
                    + "and every month since (providers report the current and previous month; raise N after a "
                    + "late backfill). Default: ${DEFAULT-VALUE}.")
    int usageMonths;

    @Override
    public Integer call() throws Exception {
        // Before connecting: a wrong --out ('', '.', a source tree) must fail at once, with nothing touched.
        Harvester.checkTarget(out);
        Set<WaldurCollection> wanted = EnumSet.allOf(WaldurCollection.class);
        if (collections != null && !collections.isEmpty()) {
            wanted = EnumSet.noneOf(WaldurCollection.class);
            for (String c : collections) {
                try {
                    wanted.add(WaldurCollection.parse(c));
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
            }
        }
        WaldurClientConfig config;
        try {
            config = connection.configBuilder().pageSize(pageSize).concurrency(concurrency).build();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        IncrementalOptions incremental = null;
        if (since != null) {
            try {
                incremental = new IncrementalOptions(Durations.parse(overlap), usageMonths);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                // checked as the refresh checks it, so that the refresh need not hash what this just hashed
                Snapshot.open(since, Snapshot.Verification.REMEMBERED);
            } catch (SnapshotException e) {
                // the base is the user's input: a damaged one is a usage error, refused before connecting
                spec.commandLine().getErr().println("tally: cannot refresh from " + since + ": " + e.getMessage());
                return picocli.CommandLine.ExitCode.USAGE;
            }
        }
        Harvester harvester = new Harvester(new WaldurClient(config), ToolVersion.get(), top.clock());
        Manifest manifest;
        try {
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), top.quiet());
            manifest = incremental == null ? harvester.harvest(out, wanted, progress)
                    : harvester.harvestSince(out, since, incremental, wanted, progress);
        } catch (NotFoundException e) {
            // A 404 on a list means the URL is not the API root (lists never 404 on a real Waldur).
            throw new WaldurApiException(e.method(), e.path(), e.status(), e.detail() + " (is " + config.apiUrl()
                    + " the Waldur API root? check --url)", e);
        }
        if (!top.quiet()) {
            var w = spec.commandLine().getOut();
            manifest.collections().forEach((name, e) -> w.printf("%-18s %9d  %s%n", name, e.count(), e.file()));
            w.println("snapshot written to " + out.toAbsolutePath().normalize());
        }
        return 0;
    }
}
