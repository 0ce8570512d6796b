package dev.tally.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subtotal row's kind says how many leading dimensions it shares, so renderers need not read its labels. */
class SubtotalDepthTest {
    @Test
    void eachSubtotalCarriesTheNumberOfLeadingDimensionsItSums() {
        ResultTable t = QueryEngine.run(QueryEngineTest.DATA, Query.builder(Period.parse("2025-01"))
                .dimensions("country, project, is_industry").measures("allocations").subtotals(true).build());

        RowKind two = RowKind.subtotal(2);
        RowKind one = RowKind.subtotal(1);
        assertThat(t.rowKinds()).containsExactly(RowKind.DETAIL, two, RowKind.DETAIL, two, one, RowKind.DETAIL, two,
                RowKind.DETAIL, two, one);
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> row = t.rows().get(i);
            RowKind kind = t.rowKinds().get(i);
            assertThat(kind.isSubtotal()).isEqualTo(row.contains("Subtotal"));
            if (kind.isSubtotal()) {
                assertThat(row.indexOf("Subtotal")).isEqualTo(kind.depth());
            }
        }
        assertThat(one).isSameAs(RowKind.SUBTOTAL);
        assertThat(RowKind.DETAIL.depth()).isZero();
        assertThat(RowKind.OTHER.isSubtotal()).isFalse();
    }
}
