package dev.tally.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.query.Period;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    @Test
    void aDatasetComparedWithItselfHasNoChanges() {
        Dataset d = HistoryFixtures.older();

        SnapshotDiff diff = SnapshotDiff.between(d, HistoryFixtures.older());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.counts().values()).containsOnly(0);
    }

    @Test
    void listsEveryKindOfChangeWithExactOldAndNewValues() {
        SnapshotDiff diff = SnapshotDiff.between(HistoryFixtures.older(), HistoryFixtures.newer());

        assertThat(diff.changes()).extracting(Change::kind, Change::subject, c -> String.valueOf(c.month()), Change::item,
                Change::oldValue, Change::newValue).containsExactly(
                tuple(ChangeKind.ALLOCATION_ADDED, "C (C)", "null", "", null, "added"),
                tuple(ChangeKind.ALLOCATION_TERMINATED, "A (A)", "null", "active until", "open", "2026-10-20"),
                tuple(ChangeKind.LIMIT_CHANGED, "A (A)", "null", "gpu_k_hours", "2", "1"),
                tuple(ChangeKind.USAGE_CHANGED, "A (A)", "2026-08", "cpu_k_hours", null, "2"),
                tuple(ChangeKind.USAGE_CHANGED, "A (A)", "2026-09", "gpu_k_hours", "1.5", "1.8"),
                tuple(ChangeKind.PRICE_CHANGED, "LUMI Sweden (plan-se)", "null", "gpu_k_hours", "0.5", "0.6"));
        assertThat(diff.counts()).containsEntry(ChangeKind.USAGE_CHANGED, 2).containsEntry(ChangeKind.ORDER_COST_CHANGED, 0);
    }

    @Test
    void aPeriodKeepsTheChangesThatTouchItAndTheUndatedOnes() {
        SnapshotDiff diff = SnapshotDiff.between(HistoryFixtures.older(), HistoryFixtures.newer(),
                Period.month(YearMonth.parse("2026-08")));

        assertThat(diff.changes()).extracting(Change::kind, Change::subject).containsExactly(
                tuple(ChangeKind.USAGE_CHANGED, "A (A)"), tuple(ChangeKind.PRICE_CHANGED, "LUMI Sweden (plan-se)"));
    }

    @Test
    void theTableHasOneRowPerChange() {
        SnapshotDiff diff = SnapshotDiff.between(HistoryFixtures.older(), HistoryFixtures.newer());

        assertThat(diff.table().rows()).hasSize(6);
        assertThat(diff.table().rows().get(4)).containsExactly("usage_changed", "2026-09", "A (A)", "A", "gpu_k_hours", "1.5", "1.8");
    }
}
