package dev.tally.cli.render;

import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one result table in one {@link OutputFormat} to a stream. Where the bytes go (standard
 * output, or a file put in place by {@link AtomicFiles}) is the caller's business.
 */
@FunctionalInterface
public interface TableRenderer {
    /** Writes {@code table} to {@code out} and flushes; does not close {@code out}. */
    void render(ResultTable table, OutputStream out) throws IOException;
}
