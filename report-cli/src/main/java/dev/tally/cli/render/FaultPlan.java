package dev.tally.cli.render;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready-made {@link AtomicFiles.Faults} for tests: fail or halt at the Nth write to disk across all
 * files. A child JVM picks one up from {@code -Dtally.test.fault=enospc:N} or {@code halt:N}.
 */
public final class FaultPlan implements AtomicFiles.Faults {
    /** What happens at the Nth write. */
    public enum Action { ENOSPC, HALT }

    private final Action action;
    private final int n;
    private final AtomicInteger writes = new AtomicInteger();

    public FaultPlan(Action action, int n) {
        this.action = action;
        this.n = n;
    }

    static AtomicFiles.Faults fromSystemProperty() {
        String spec = System.getProperty("tally.test.fault");
        if (spec == null || spec.isBlank()) {
            return null;
        }
        String[] parts = spec.split(":");
        return new FaultPlan(Action.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(parts[1].strip()));
    }

    @Override
    public OutputStream wrap(Path file, OutputStream raw) {
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
