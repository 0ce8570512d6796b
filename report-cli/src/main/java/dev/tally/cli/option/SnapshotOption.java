package dev.tally.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --snapshot DIR}: the snapshot a report or query reads; shared as a mixin. */
public final class SnapshotOption {
    @Option(names = "--snapshot", required = true, paramLabel = "DIR", description = "Snapshot directory written by tally harvest.")
    Path dir;

    /** The snapshot directory given. */
    public Path dir() {
        return dir;
    }
}
