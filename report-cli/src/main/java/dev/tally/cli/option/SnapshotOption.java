package dev.tally.cli.option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --snapshot DIR}: the snapshot a report or query reads, and {@code --price-history DIR}: earlier snapshots
 * whose plan prices price their months (docs/definitions.md, "Prices that change"); shared as a mixin.
 */
public final class SnapshotOption {
    @Option(names = "--snapshot", required = true, paramLabel = "DIR", description = "Snapshot directory written by tally harvest.")
    Path dir;

    @Option(names = "--price-history", paramLabel = "DIR", arity = "1..*",
            description = "Other snapshots (e.g. last months' harvests) whose plan prices are used for the months they "
                    + "were harvested in, since Waldur keeps no price history. Without them a month before a price "
                    + "change is priced at the snapshot's prices, and the data quality says so. Repeatable.")
    List<Path> priceHistory = new ArrayList<>();

    /** The snapshot directory given. */
    public Path dir() {
        return dir;
    }

    /** The price-history snapshot directories given, possibly none. */
    public List<Path> priceHistory() {
        return List.copyOf(priceHistory);
    }
}
