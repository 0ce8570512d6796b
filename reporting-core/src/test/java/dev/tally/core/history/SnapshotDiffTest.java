package dev.tally.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.Fixtures;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.OrderFact;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
    void listsProjectsRenamedOrMovedAndOrderCostsChanged() {
        Dataset older = project("Project p9", "c-p9", "Allocator p9", "1.3010000000");
        Dataset newer = project("Climate p9", "c-other", "Allocator other", "1.5");

        SnapshotDiff diff = SnapshotDiff.between(older, newer);

        assertThat(diff.changes()).extracting(Change::kind, Change::subject, Change::item, Change::oldValue, Change::newValue)
                .containsExactly(
                        tuple(ChangeKind.ORDER_COST_CHANGED, "create order o1 of X (X)", "cost", "1.3010000000", "1.5"),
                        tuple(ChangeKind.PROJECT_RENAMED, "Climate p9 (p9)", "name", "Project p9", "Climate p9"),
                        tuple(ChangeKind.PROJECT_MOVED, "Climate p9 (p9)", "customer", "Allocator p9", "Allocator other"));
    }

    /** One allocation X of project p9 under {@code customerId}, with one done Create order costing {@code cost}. */
    private static Dataset project(String projectName, String customerId, String customerName, String cost) {
        AllocationFact x = Fixtures.allocation("X", "p9", "Finland", Fixtures.limits("cpu_k_hours", 1), "2026-01-01T00:00:00Z", null);
        return Dataset.builder(LocalDate.parse("2026-10-02"))
                .add(new AllocationFact(x.resourceId(), x.resourceName(), x.state(), x.projectId(), projectName, customerId,
                        customerName, x.offeringId(), x.offeringName(), x.share(), x.prices(), x.limits(), x.options(),
                        x.activeFrom(), x.activeUntil(), x.changes()))
                .addOrder(new OrderFact("o1", "X", OrderType.CREATE, OrderState.DONE, new BigDecimal(cost), null,
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void theTableHasOneRowPerChange() {
        SnapshotDiff diff = SnapshotDiff.between(HistoryFixtures.older(), HistoryFixtures.newer());

        assertThat(diff.table().rows()).hasSize(6);
        assertThat(diff.table().rows().get(4)).containsExactly("usage_changed", "2026-09", "A (A)", "A", "gpu_k_hours", "1.5", "1.8");
    }
}
