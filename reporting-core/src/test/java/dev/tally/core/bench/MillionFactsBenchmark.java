package dev.tally.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.Fixtures;
import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LimitChange;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One million allocations grouped by three dimensions over a year, in a JVM limited to 512 MB
 * ({@code mvn -pl reporting-core -Pbench verify}; the profile sets {@code -Xmx512m}). Not part of the
 * default build. It asserts correctness (the grand total counts every allocation active in the
 * year), never time; the heap after building and the time ratio of a three-dimension query to a
 * one-dimension query are written to {@code target/bench/million-facts.txt}.
 */
@Tag("bench")
class MillionFactsBenchmark {
    private static final int FACTS = 1_000_000;
    private static final List<String> COUNTRIES = List.of("Denmark", "Finland", "Norway", "Sweden", "Czech Republic",
            "Poland", "Belgium", "Switzerland", "Estonia");
    private static final List<String> AI = List.of("Deep Learning", "Machine Learning", "Vision", "Natural Language Processing");

    @Test
    void groupsOneMillionFactsByThreeDimensionsInA512MegabyteHeap() throws IOException {
        long[] activeIn2025Holder = new long[1];
        long start = System.nanoTime();
        Dataset d = build(activeIn2025Holder);
        long activeIn2025 = activeIn2025Holder[0];
        long buildNanos = System.nanoTime() - start;
        System.gc();
        long heapAfterBuild = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        long t1 = System.nanoTime();
        ResultTable one = QueryEngine.run(d, Query.builder(Period.year(2025)).dimensions("country")
                .measures("allocations, cost").build());
        long oneDimension = System.nanoTime() - t1;
        long t3 = System.nanoTime();
        ResultTable three = QueryEngine.run(d, Query.builder(Period.year(2025)).dimensions("country, customer, is_industry")
                .measures("allocations, projects, cost, limit.cpu_k_hours").build());
        long threeDimensions = System.nanoTime() - t3;
        long maxHeap = Runtime.getRuntime().maxMemory();

        assertThat(one.totals().get(1)).isEqualTo(activeIn2025);
        assertThat(three.totals().get(3)).isEqualTo(activeIn2025);
        assertThat((BigDecimal) three.totals().get(5)).isEqualByComparingTo((BigDecimal) one.totals().get(2));
        assertThat(three.rows()).hasSize(9 * 30 * 3);

        Path out = Path.of("target", "bench", "million-facts.txt");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of(
                "facts: " + FACTS + " (active in 2025: " + activeIn2025 + ")",
                "max heap: " + maxHeap / (1 << 20) + " MB",
                "heap used after building the dataset (after GC): " + heapAfterBuild / (1 << 20) + " MB",
                "build: " + buildNanos / 1_000_000 + " ms",
                "query by country: " + oneDimension / 1_000_000 + " ms",
                "query by country, customer, is_industry: " + threeDimensions / 1_000_000 + " ms",
                "ratio three dimensions / one dimension: " + String.format(java.util.Locale.ROOT, "%.2f",
                        (double) threeDimensions / oneDimension)));
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    /** Streams the facts into a dataset; the builder and the facts are garbage once this returns. */
    private static Dataset build(long[] activeIn2025) {
        Random r = new Random(42);
        DatasetBuilder b = Dataset.builder(LocalDate.of(2026, 1, 1));
        Instant yearStart = Instant.parse("2025-01-01T00:00:00Z");
        Instant yearEnd = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < FACTS; i++) {
            AllocationFact f = fact(r, i);
            if (f.activeFrom() != null && f.activeFrom().isBefore(yearEnd)
                    && (f.activeUntil() == null || f.activeUntil().isAfter(yearStart))) {
                activeIn2025[0]++;
            }
            b.add(f);
        }
        return b.build();
    }

    private static AllocationFact fact(Random r, int i) {
        String country = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
        int project = r.nextInt(20_000);
        int customer = r.nextInt(30);
        Instant from = r.nextInt(50) == 0 ? null
                : LocalDate.of(2023, 1, 1).plusDays(r.nextInt(1000)).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .plusSeconds(r.nextInt(86_400));
        Instant until = from == null || r.nextInt(3) > 0 ? null : from.plusSeconds(86_400L * (1 + r.nextInt(400)));
        Map<String, BigDecimal> limits = Fixtures.limits("cpu_k_hours", r.nextInt(500), "gpu_k_hours", r.nextInt(50),
                "gb_k_hours", r.nextInt(2000));
        List<LimitChange> changes = from == null || r.nextInt(4) > 0 ? List.of()
                : List.of(new LimitChange(from.plusSeconds(86_400L * r.nextInt(300)), Fixtures.LUMI_COMMON,
                        Fixtures.limits("cpu_k_hours", r.nextInt(500), "gpu_k_hours", r.nextInt(50))));
        List<String> ai = r.nextBoolean() ? List.of() : List.of(AI.get(r.nextInt(AI.size())));
        String id = Integer.toString(i, 36);
        return new AllocationFact(id, id, "OK", "p" + project, "Project " + project, "c" + customer,
                "Allocator " + customer, "o-" + country, "LUMI " + country, CountryShare.country(country, CountrySource.NAME),
                Fixtures.LUMI_COMMON, limits, new LumiOptions(Flag.values()[r.nextInt(3)], Flag.UNKNOWN, Flag.UNKNOWN, ai),
                from, until, changes);
    }
}
