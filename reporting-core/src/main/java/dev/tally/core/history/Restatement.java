package dev.tally.core.history;

import dev.tally.core.check.Checks;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One figure of a closed month that differs from what the older snapshot gave (docs/definitions.md,
 * "Restatements").
 *
 * @param level what the figure is of: {@link Level#COUNTRY_SHARE} or {@link Level#ALLOCATION}
 * @param subject the country share's name or the allocation's label
 * @param figure the measure key: {@code cost}, {@code usage.gpu_k_hours}, {@code limit.cpu_k_hours}
 * @param oldValue the figure from the older snapshot, unrounded (zero when it had none)
 * @param newValue the figure from the newer snapshot, unrounded
 * @param cause which allocation, which change
 */
public record Restatement(YearMonth month, Level level, String subject, String figure, BigDecimal oldValue,
        BigDecimal newValue, String cause) {
    /** What a restated figure is of. */
    public enum Level {
        COUNTRY_SHARE("country share"), ALLOCATION("allocation");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** {@code country share} or {@code allocation}. */
        public String label() {
            return label;
        }
    }

    public Restatement {
        Checks.nonNull("month, level, subject, figure, oldValue, newValue, cause",
                month, level, subject, figure, oldValue, newValue, cause);
    }

    /** Whether the figure is money (else k-hours). */
    public boolean money() {
        return figure.equals("cost");
    }
}
