package dev.tally.cli.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A disk for {@link AtomicFiles} that fails at the Nth write across all files: "No space left on
 * device", or the JVM halts with half of that write on disk, as a killed run would leave it.
 */
public final class FaultPlan implements AtomicFiles.Disk {
    /** What happens at the Nth write. */
    public enum Action { ENOSPC, HALT }

    private final Action action;
    private final int n;
    private final AtomicInteger writes = new AtomicInteger();

    public FaultPlan(Action action, int n) {
        this.action = action;
        this.n = n;
    }

    /** A plan written as {@code enospc:N} or {@code halt:N}, e.g. on a child JVM's command line. */
    public static FaultPlan parse(String spec) {
        String[] parts = spec.split(":");
        return new FaultPlan(Action.valueOf(parts[0].strip().toUpperCase(Locale.ROOT)), Integer.parseInt(parts[1].strip()));
    }

    @Override
    public OutputStream open(Path file, OutputStream raw) {
        return new FilterOutputStream(raw) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (writes.incrementAndGet() >= n) {
                    if (action == Action.HALT) {
                        out.write(b, off, len / 2);
                        out.flush();
                        Runtime.getRuntime().halt(137);
                    }
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        };
    }
}
