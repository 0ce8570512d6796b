package dev.tally.cli.option;

import dev.tally.cli.cache.SnapshotCache;
import dev.tally.cli.render.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --no-cache}: read a snapshot's files without its derived cache (docs/cache.md); shared as a mixin. */
public final class CacheOption {
    @Option(names = "--no-cache", description = "Read the snapshot's files and neither use nor write its cache"
            + " (SNAPSHOT/.tally-cache, which makes a second report or query of the same snapshot faster), and hash"
            + " every file rather than only those changed since a command last checked them (docs/cache.md).")
    boolean noCache;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The cache to read snapshots through: none with --no-cache, else beside each snapshot, notes to stderr. */
    public SnapshotCache cache(AtomicFiles files) {
        return noCache ? SnapshotCache.off() : SnapshotCache.beside(files, mixee.commandLine().getErr());
    }
}
