package dev.tally.cli.render;

import dev.tally.core.table.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text for a cell in CSV, JSON and terminal output. Rounding happens here, once, half-up.
 * {@link #format}: money to 2 decimals, k-hours to at most 3, percentages to 1. {@link #display}
 * (terminal tables): the workbook's formats, thousands separated, one number of decimals per column.
 * {@link #cents} (CSV by default): money to the cent. {@link #exact} (CSV with {@code --exact}, JSON):
 * full precision. '.' is always the decimal separator (docs/reports.md, "Number formats").
 */
final class CellText {
    private CellText() {
    }

    public static String format(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return switch (type) {
                case MONEY -> d.setScale(2, RoundingMode.HALF_UP).toPlainString();
                case PERCENT -> d.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString();
                default -> strip(d.setScale(3, RoundingMode.HALF_UP));
            };
        }
        return value.toString();
    }

    /**
     * Text for people reading a terminal, as the workbook shows it: counts {@code 1,234}, money
     * {@code 1,234.50}, k-hours {@code 1,234.5}, percentages {@code 36.5%}.
     */
    public static String display(Object value, ColumnType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return switch (type) {
                case MONEY -> String.format(java.util.Locale.ROOT, "%,.2f", d.setScale(2, RoundingMode.HALF_UP));
                case PERCENT -> String.format(java.util.Locale.ROOT, "%,.1f%%",
                        d.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP));
                case KHOURS -> String.format(java.util.Locale.ROOT, "%,.1f", d.setScale(1, RoundingMode.HALF_UP));
                default -> strip(d.setScale(3, RoundingMode.HALF_UP));
            };
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(java.util.Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }

    /** Text for CSV by default: as {@link #exact}, but money rounded to the cent. */
    public static String cents(Object value, ColumnType type) {
        return type == ColumnType.MONEY ? format(value, type) : exact(value, type);
    }

    /**
     * Text for data files (CSV with {@code --exact}, JSON): money to 10 decimals (Waldur's own scale, at least 2 shown),
     * k-hours to 6, so that re-adding the rows gives the total to the cent; percentages as in
     * {@link #format}.
     */
    public static String exact(Object value, ColumnType type) {
        if (value instanceof BigDecimal d && (type == ColumnType.MONEY || type == ColumnType.KHOURS)) {
            BigDecimal s = d.setScale(type == ColumnType.MONEY ? 10 : 6, RoundingMode.HALF_UP).stripTrailingZeros();
            if (s.scale() < 0) {
                s = s.setScale(0);
            }
            if (type == ColumnType.MONEY && s.scale() < 2) {
                s = s.setScale(2, RoundingMode.UNNECESSARY);
            }
            return s.toPlainString();
        }
        return format(value, type);
    }

    private static String strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
