package dev.tally.cli.report;

import dev.tally.cli.cache.SnapshotCache;
import dev.tally.cli.source.FactBuilder;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.input.SourceData;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Snapshot;
import dev.tally.waldur.snapshot.SnapshotException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report is computed from: the snapshot (for provenance), the core dataset built from it and
 * the data-quality findings. The dataset's "today" is the harvest time, so a snapshot gives the
 * same figures whenever it is reported.
 *
 * <p>The snapshot → core input mapping is {@link FactBuilder#source(Snapshot)}.
 */
public final class ReportInput {
    private final Snapshot snapshot;
    private final Dataset dataset;
    private List<Finding> findings;

    /** The input of {@code snapshot}'s {@code dataset}; its findings are checked when first asked for. */
    public ReportInput(Snapshot snapshot, Dataset dataset) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The snapshot, verified. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The dataset assembled from it. */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * The dataset's data-quality findings ({@link DataQuality#check}), checked on first use: a quiet query prints none
     * and so never needs them, while {@code tally serve} shares one input between its request threads.
     */
    public synchronized List<Finding> findings() {
        if (findings == null) {
            findings = List.copyOf(DataQuality.check(dataset));
        }
        return findings;
    }

    /**
     * The collections every report and query is computed from. Without one of them figures would quietly
     * drop (no usages: no usage; no projects: no field of science), so such a snapshot is refused
     * (docs/reliability.md, "Data invariants"). Customers are not read: resources carry their names.
     */
    static final List<WaldurCollection> NEEDED = List.of(WaldurCollection.PROJECTS, WaldurCollection.OFFERINGS,
            WaldurCollection.ORDERS, WaldurCollection.RESOURCES, WaldurCollection.COMPONENT_USAGES);

    /** Opens and verifies the snapshot in {@code dir} and builds the dataset, without a cache. */
    public static ReportInput load(Path dir) {
        return load(dir, List.of(), SnapshotCache.off());
    }

    /** The same, through {@code cache} (docs/cache.md). */
    public static ReportInput load(Path dir, SnapshotCache cache) {
        return load(dir, List.of(), cache);
    }

    /**
     * The same, pricing past months with the plan prices the snapshots in {@code priceHistory} saw
     * (docs/definitions.md, "Prices that change"); each is opened and verified too.
     */
    public static ReportInput load(Path dir, List<Path> priceHistory) {
        return load(dir, priceHistory, SnapshotCache.off());
    }

    /**
     * The same, through {@code cache}: a matching cache stands in for inflating and parsing the snapshot's files,
     * which are verified meanwhile on another thread; the dataset is the same either way (docs/cache.md).
     */
    public static ReportInput load(Path dir, List<Path> priceHistory, SnapshotCache cache) {
        // with the cache on, files hashed by an earlier command and unchanged since are not hashed again; --no-cache
        // hashes every file (docs/cache.md, "Files already checked")
        Snapshot.Verification how = cache.enabled() ? Snapshot.Verification.REMEMBERED : Snapshot.Verification.FULL;
        Snapshot.Opening opening = Snapshot.opening(dir, how);
        List<String> missing = NEEDED.stream().filter(c -> !opening.manifest().collections().containsKey(c.id()))
                .map(WaldurCollection::id).toList();
        if (!missing.isEmpty()) {
            opening.verified(); // a damaged snapshot is refused as damaged first, as Snapshot.open does
            throw new SnapshotException("snapshot " + dir + " has no " + String.join(", ", missing) + "; reports need "
                    + String.join(", ", NEEDED.stream().map(WaldurCollection::id).toList())
                    + " (harvest them: tally harvest without --collections)");
        }
        List<Snapshot> history = priceHistory.stream().map(p -> Snapshot.open(p, how)).toList();
        FactBuilder builder = new FactBuilder(CountryResolver.standard());
        Optional<SourceData> cached = cache.cached(opening);
        Dataset dataset;
        Snapshot snapshot;
        if (cached.isPresent()) {
            // the cached source is read by nothing else: its usages go once they are in the dataset
            dataset = builder.dataset(opening.manifest(), cached.get(), history, true);
            snapshot = opening.verified();
        } else {
            // parsed while the files are hashed; nothing of it is used unless every checksum matches
            SourceData source = opening.readWhileVerifying(FactBuilder::source);
            snapshot = opening.verified();
            // stored before the dataset is assembled, so that assembling lets the usages go as it takes them: the first
            // report of a scale-20 snapshot peaked 60-80 MB lower than with the two side by side (BENCHMARKS.md, "The
            // first report of a snapshot")
            if (cache.enabled()) {
                cache.store(snapshot, source);
            }
            dataset = builder.dataset(snapshot.manifest(), source, history, true);
        }
        return new ReportInput(snapshot, dataset);
    }

    /** The last full month before the harvest: the default report month. */
    public YearMonth lastFullMonth() {
        return YearMonth.from(dataset.asOf()).minusMonths(1);
    }
}
