package dev.tally.bench;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.core.table.ResultTable;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One million allocation facts grouped by country, industry flag and allocator, with cost and two
 * limit measures, for one month: the same grouping {@code bench/python/groupby.py} does with pandas.
 * Forked with {@code -Xmx512m}: the run itself proves the facts and the query fit that heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class AggregationBenchmark {
    @Param("1000000")
    int facts;

    Dataset dataset;
    Query query;

    @Setup(Level.Trial)
    public void setUp() {
        DatasetBuilder builder = Dataset.builder(LocalDate.of(2026, 11, 1));
        int[] i = {0};
        FactsGenerator.rows(facts, r -> builder.add(FactsGenerator.fact(i[0]++, r)));
        dataset = builder.build();
        query = Query.builder(Period.parse("2026-10"))
                .dimensions("country, is_industry, customer")
                .measures("cost, limit.cpu_k_hours, limit.gpu_k_hours")
                .build();
    }

    @Benchmark
    public ResultTable groupByThreeDimensions() {
        return QueryEngine.run(dataset, query);
    }
}
