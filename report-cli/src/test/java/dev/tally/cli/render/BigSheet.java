package dev.tally.cli.render;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a project-detail sheet of N rows; run in a child JVM with a small heap by {@link LargeSheetMemoryTest}. */
public final class BigSheet {
    private BigSheet() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        List<Column> cols = List.of(new Column("country", "Country share", ColumnType.TEXT),
                new Column("project", "Project", ColumnType.TEXT), new Column("project_uuid", "Project UUID", ColumnType.TEXT),
                new Column("customer", "Allocator", ColumnType.TEXT), new Column("allocations", "Allocations", ColumnType.COUNT),
                new Column("limit.cpu_k_hours", "Limit cpu_k_hours", ColumnType.KHOURS),
                new Column("limit.gpu_k_hours", "Limit gpu_k_hours", ColumnType.KHOURS),
                new Column("limit.gb_k_hours", "Limit gb_k_hours", ColumnType.KHOURS),
                new Column("usage.cpu_k_hours", "Usage cpu_k_hours", ColumnType.KHOURS),
                new Column("cost", "Cost", ColumnType.MONEY));
        String[] countries = {"Belgium", "Denmark", "Finland", "Norway", "Sweden"};
        List<List<Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(List.of(countries[i % countries.length], "project-" + i, String.format("%032x", i), "Allocator " + (i % 9),
                    (long) (1 + i % 3), BigDecimal.valueOf(i % 1000, 1), BigDecimal.valueOf(i % 77), BigDecimal.valueOf(i % 500),
                    BigDecimal.valueOf(i % 900, 1), BigDecimal.valueOf(i % 100_000, 2)));
        }
        ResultTable t = new ResultTable("projects", "Projects", cols, rows, null, List.of());
        AtomicFiles.DIRECT.write(Path.of(args[0]), out -> new XlsxRenderer().write(List.of(new XlsxRenderer.SheetSpec(t, List.of())),
                new XlsxRenderer.DocumentProperties("big", "", null, null, Map.of(), java.time.Instant.parse("2026-11-01T00:00:00Z")), out));
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, used "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MB");
    }
}
