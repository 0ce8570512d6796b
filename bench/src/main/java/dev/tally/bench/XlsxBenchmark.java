package dev.tally.bench;

import dev.tally.cli.render.XlsxRenderer;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writes a project-detail sheet of {@code rows} rows, the same columns and values as
 * {@code bench/python/xlsx.py} writes with xlsxwriter. Forked with {@code -Xmx256m}: the run
 * itself proves the streaming writer fits that heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Djava.awt.headless=true"})
public class XlsxBenchmark {
    private static final String[] COUNTRIES = {"Belgium", "Czech Republic", "Denmark", "Estonia", "Finland",
        "Iceland", "Norway", "Poland", "Sweden", "Switzerland"};

    @Param("100000")
    int rows;

    ResultTable table;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        table = projectDetail(rows);
        dir = Files.createTempDirectory("tally-xlsx-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** The workbook's "created" property; fixed, as a report's is (its snapshot's harvest time). */
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    @Benchmark
    public long writeProjectDetail() throws IOException {
        Path file = dir.resolve("projects.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(table, List.of())),
                    new XlsxRenderer.DocumentProperties("bench", null, null, null, Map.of(), CREATED), out);
        }
        return Files.size(file);
    }

    /** The same rows as the Python baseline: deterministic, one per project. */
    static ResultTable projectDetail(int n) {
        List<Column> columns = List.of(
                new Column("country_share", "Country share", ColumnType.TEXT),
                new Column("project", "Project", ColumnType.TEXT),
                new Column("project_uuid", "Project UUID", ColumnType.TEXT),
                new Column("customer", "Allocator", ColumnType.TEXT),
                new Column("allocations", "Active allocations", ColumnType.COUNT),
                new Column("limit.cpu_k_hours", "Limit cpu_k_hours", ColumnType.KHOURS),
                new Column("limit.gpu_k_hours", "Limit gpu_k_hours", ColumnType.KHOURS),
                new Column("limit.gb_k_hours", "Limit gb_k_hours", ColumnType.KHOURS),
                new Column("cost", "Monthly cost", ColumnType.MONEY));
        List<List<Object>> data = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long cpu = (i * 37L) % 50000;
            long gpu = (i * 11L) % 2000;
            long gb = (i * 101L) % 90000;
            BigDecimal cost = BigDecimal.valueOf(cpu).multiply(new BigDecimal("0.1"))
                    .add(BigDecimal.valueOf(gpu).multiply(new BigDecimal("0.5")))
                    .add(BigDecimal.valueOf(gb).multiply(new BigDecimal("0.001")));
            data.add(List.of(COUNTRIES[i % 10], "Project " + i, String.format("%032x", i), "Allocator", (long) (1 + i % 3),
                    BigDecimal.valueOf(cpu), BigDecimal.valueOf(gpu), BigDecimal.valueOf(gb), cost));
        }
        return new ResultTable("projects", "Projects", columns, data, null, List.of());
    }
}
