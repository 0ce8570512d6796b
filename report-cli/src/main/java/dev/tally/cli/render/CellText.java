package dev.tally.cli.render;

import dev.tally.core.table.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text for a cell in CSV and terminal output. Rounding happens here, once, half-up: money to 2
 * decimals, k-hours to at most 3, percentages to 1; '.' is always the decimal separator.
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
     * Text for data files (CSV, JSON): money to 10 decimals (Waldur's own scale, at least 2 shown),
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
