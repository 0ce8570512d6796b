package dev.tally.cli.template;

import java.util.List;
import java.util.Objects;

/**
 * A chart over one result table: categories from one column, one series per value column.
 * A series key ending in {@code @*} stands for every pivoted column of that measure
 * ({@code cost@*} → {@code cost@Finland}, {@code cost@Sweden}, …).
 *
 * @param name the file name part of the PNG/SVG, e.g. {@code cost-by-country}
 * @param category the column whose values label the categories (x axis, or pie slices)
 * @param series the value columns, one series each
 * @param axis the value axis label
 */
public record ChartSpec(String name, ChartType type, String title, String category, List<String> series, String axis) {
    public ChartSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + name + "' needs at least one series");
        }
        title = title == null ? name : title;
        axis = axis == null ? "" : axis;
    }
}
