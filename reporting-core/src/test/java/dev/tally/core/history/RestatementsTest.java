package dev.tally.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.dataset.Dataset;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestatementsTest {
    private static List<Restatement> restated(Dataset older, Dataset newer) {
        return Restatements.between(older, newer, SnapshotDiff.between(older, newer), null);
    }

    @Test
    void nothingIsRestatedBetweenADatasetAndItself() {
        assertThat(restated(HistoryFixtures.older(), HistoryFixtures.older())).isEmpty();
    }

    @Test
    void restatesLateAndCorrectedUsageAndRepricedCostOfClosedMonthsOnly() {
        List<Restatement> r = restated(HistoryFixtures.older(), HistoryFixtures.newer());

        assertThat(r).extracting(x -> x.month().toString(), Restatement::level, Restatement::subject, Restatement::figure,
                x -> x.oldValue().stripTrailingZeros().toPlainString(), x -> x.newValue().stripTrailingZeros().toPlainString())
                .containsExactly(
                        tuple("2026-08", Restatement.Level.COUNTRY_SHARE, "Sweden", "cost", "2", "2.4"),
                        tuple("2026-08", Restatement.Level.ALLOCATION, "B (B)", "cost", "2", "2.4"),
                        tuple("2026-09", Restatement.Level.COUNTRY_SHARE, "Finland", "usage.gpu_k_hours", "1.5", "1.8"),
                        tuple("2026-09", Restatement.Level.COUNTRY_SHARE, "Sweden", "cost", "2", "2.4"),
                        tuple("2026-09", Restatement.Level.ALLOCATION, "A (A)", "usage.gpu_k_hours", "1.5", "1.8"),
                        tuple("2026-09", Restatement.Level.ALLOCATION, "B (B)", "cost", "2", "2.4"));
    }

    @Test
    void eachRestatementNamesItsAllocationAndChange() {
        List<Restatement> r = restated(HistoryFixtures.older(), HistoryFixtures.newer());

        assertThat(r.get(2).cause()).isEqualTo("A (A): usage gpu_k_hours for 2026-09 corrected (1.5 → 1.8)");
        assertThat(r.get(0).cause()).isEqualTo("B (B): prices of plan LUMI Sweden (plan-se) changed: gpu_k_hours 0.5 → 0.6");
        assertThat(r.get(1).cause()).isEqualTo("prices of plan LUMI Sweden (plan-se) changed: gpu_k_hours 0.5 → 0.6");
    }

    @Test
    void theTablePutsKHoursAndMoneyInTheirOwnColumns() {
        List<Restatement> r = restated(HistoryFixtures.older(), HistoryFixtures.newer());

        var t = Restatements.table(r, LocalDate.parse("2026-10-02"), List.of());

        assertThat(t.rows().get(4)).extracting(String::valueOf).containsExactly("2026-09", "allocation", "A (A)",
                "Usage gpu_k_hours", "1.5", "1.8", "null", "null", "usage gpu_k_hours for 2026-09 corrected (1.5 → 1.8)");
        assertThat((BigDecimal) t.rows().get(0).get(7)).isEqualByComparingTo("2.4");
    }
}
