package dev.tally.cli.command;

import dev.tally.cli.option.CacheOption;
import dev.tally.cli.option.SnapshotOption;
import dev.tally.cli.report.ReportInput;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that reads one snapshot: {@code --snapshot}, {@code --price-history} and {@code --no-cache} are its
 * first options, in that order (picocli lists a superclass's options before the subclass's, so {@code --help} and the
 * completion script keep the order these commands always had), and {@link #readSnapshot} reads it as a report does.
 */
public abstract class SnapshotCommand extends TallySubcommand {
    @Mixin
    protected SnapshotOption snapshot;

    @Mixin
    protected CacheOption cache;

    /** The snapshot with its price history, through its cache unless --no-cache, the step shown on {@code progress}. */
    ReportInput readSnapshot(ProgressLine progress) {
        progress.step("reading snapshot " + snapshot.dir());
        return ReportInput.load(snapshot.dir(), snapshot.priceHistory(), cache.cache(top.files()));
    }
}
