package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link QueryEngine#values}: what a filter can name for a dimension, in the order rows appear in. */
class DimensionValuesListTest {
    @Test
    void listsEachDimensionsLabelsInRowOrder() {
        assertThat(QueryEngine.values(QueryEngineTest.DATA, Dimension.COUNTRY)).containsExactly("Denmark", "Finland");
        assertThat(QueryEngine.values(QueryEngineTest.DATA, Dimension.IS_INDUSTRY)).containsExactly("true", "false", "unknown");
        assertThat(QueryEngine.values(QueryEngineTest.DATA, Dimension.USED_AI_TECH))
                .containsExactly("Deep Learning", "Machine Learning", "(none)");
        assertThat(QueryEngine.values(QueryEngineTest.DATA, Dimension.PROJECT)).hasSize(3);
    }

    @Test
    void aTemporalDimensionHasNoList() {
        assertThat(QueryEngine.values(QueryEngineTest.DATA, Dimension.MONTH)).isEmpty();
    }
}
