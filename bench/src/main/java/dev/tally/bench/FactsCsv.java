package dev.tally.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the benchmark facts as CSV for the pandas baseline: {@code FactsCsv OUT.csv N}. */
public final class FactsCsv {
    private FactsCsv() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("country,is_industry,customer,project,month,cost,cpu_k_hours,gpu_k_hours\n");
            FactsGenerator.rows(n, r -> {
                try {
                    w.write(r.country() + "," + r.industry() + "," + r.customer() + "," + r.project() + ",2026-10,"
                            + r.cost().toPlainString() + "," + r.cpu() + "," + r.gpu() + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
