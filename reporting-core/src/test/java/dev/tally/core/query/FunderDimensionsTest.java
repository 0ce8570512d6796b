package dev.tally.core.query;

import static dev.tally.core.Fixtures.LUMI_COMMON;
import static dev.tally.core.Fixtures.limits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.core.country.CountryShare;
import dev.tally.core.country.CountrySource;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.DatasetBuilder;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.table.ResultTable;
import dev.tally.core.table.RowKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code access_type}, {@code field_of_science} and {@code allocation} over five allocations that exist
 * all of January 2025 on LUMI Common (cpu 0.1 per k-hour and month), so each costs a tenth of its
 * cpu limit:
 * <pre>
 *   r1 "Alpha"  LUMI Finland / Regular        p1  1.1   cpu 10  1.0
 *   r2 "Beta"   LUMI Finland / Extreme Scale  p2  2.10  cpu 20  2.0
 *   r3 (none)   LUMI Sweden / Regular         p3  —     cpu 30  3.0
 *   r4 "Alpha"  LUMI Sweden                   p1  1.1   cpu 40  4.0
 *   r5 "Gamma"  LUMI Sweden /                 p4  2.2   cpu 5   0.5
 * </pre>
 */
class FunderDimensionsTest {
    static final Dataset DATA = data();

    private static AllocationFact fact(String id, String name, String offering, String country, String project,
            String field, int cpu) {
        return new AllocationFact(id, name, "OK", project, "Project " + project, "c", "Allocator", "o-" + offering,
                offering, CountryShare.country(country, CountrySource.NAME), LUMI_COMMON, limits("cpu_k_hours", cpu),
                LumiOptions.NONE, Instant.parse("2024-12-01T00:00:00Z"), null, List.of(), field);
    }

    private static Dataset data() {
        DatasetBuilder b = Dataset.builder(LocalDate.of(2025, 3, 31));
        b.add(fact("r1", "Alpha", "LUMI Finland / Regular", "Finland", "p1", "1.1", 10));
        b.add(fact("r2", "Beta", "LUMI Finland / Extreme Scale", "Finland", "p2", "2.10", 20));
        b.add(fact("r3", null, "LUMI Sweden / Regular", "Sweden", "p3", null, 30));
        b.add(fact("r4", "Alpha", "LUMI Sweden", "Sweden", "p1", "1.1", 40));
        b.add(fact("r5", "Gamma", "LUMI Sweden / ", "Sweden", "p4", " 2.2 ", 5));
        return b.build();
    }

    private static ResultTable run(Query.Builder q) {
        return QueryEngine.run(DATA, q.build());
    }

    private static Query.Builder january() {
        return Query.builder(Period.parse("2025-01"));
    }

    @Test
    void accessTypeIsTheOfferingNameAfterTheSlashAndNoneWithoutIt() {
        ResultTable t = run(january().dimensions("access_type, country").measures("allocations, cost"));

        // alphabetical, (none) last; r4 has no " / " part and r5 an empty one
        assertThat(t.rows()).containsExactly(
                List.of("Extreme Scale", "Finland", 1L, new BigDecimal("2.0")),
                List.of("Regular", "Finland", 1L, new BigDecimal("1.0")),
                List.of("Regular", "Sweden", 1L, new BigDecimal("3.0")),
                List.of("(none)", "Sweden", 2L, new BigDecimal("4.5")));
        assertThat(t.totals()).containsExactly("Total", "", 5L, new BigDecimal("10.5"));
        assertThat(t.columns().get(0).title()).isEqualTo("Access type");
    }

    @Test
    void accessTypeFilterIsCaseInsensitive() {
        ResultTable t = run(january().dimensions("country").measures("allocations, cost")
                .filter("access_type = 'regular'"));

        assertThat(t.rows()).containsExactly(
                List.of("Finland", 1L, new BigDecimal("1.0")),
                List.of("Sweden", 1L, new BigDecimal("3.0")));
        assertThat(run(january().dimensions("country").measures("cost").filter("access_type = '(none)'")).rows())
                .containsExactly(List.of("Sweden", new BigDecimal("4.5")));
    }

    @Test
    void fieldOfScienceShowsTheOecdLabelInTheClassificationsOrder() {
        ResultTable t = run(january().dimensions("field_of_science").measures("allocations, projects, cost"));

        // 2.2 before 2.10 (by number, not text); the blank-padded " 2.2 " is 2.2; r3's project has no code
        assertThat(t.rows()).containsExactly(
                List.of("1.1 Mathematics", 2L, 1L, new BigDecimal("5.0")),
                List.of("2.2 Electrical, electronic and information engineering", 1L, 1L, new BigDecimal("0.5")),
                List.of("2.10 Nano-technology", 1L, 1L, new BigDecimal("2.0")),
                List.of("(none)", 1L, 1L, new BigDecimal("3.0")));
        assertThat(t.columns().get(0).title()).isEqualTo("Field of science");
    }

    @Test
    void fieldOfScienceFilterTakesTheCodeOrTheLabel() {
        assertThat(run(january().dimensions("project").measures("cost").filter("field_of_science = '1.1'")).rows())
                .containsExactly(List.of("Project p1", new BigDecimal("5.0")));
        assertThat(run(january().dimensions("project").measures("cost")
                .filter("field_of_science = '2.10 nano-technology'")).rows())
                .containsExactly(List.of("Project p2", new BigDecimal("2.0")));
        assertThat(run(january().dimensions("project").measures("cost")
                .filter("field_of_science in ('2.2', '(none)')")).rows())
                .containsExactly(List.of("Project p3", new BigDecimal("3.0")), List.of("Project p4", new BigDecimal("0.5")));
    }

    @Test
    void allocationIsOneRowPerResourceLabelledByNameAndUuid() {
        ResultTable t = run(january().dimensions("allocation").measures("cost"));

        // r1 and r4 share a name and stay two rows; r3 has no name, so its UUID is the label
        assertThat(t.rows()).containsExactly(
                List.of("Alpha (r1)", new BigDecimal("1.0")),
                List.of("Alpha (r4)", new BigDecimal("4.0")),
                List.of("Beta (r2)", new BigDecimal("2.0")),
                List.of("Gamma (r5)", new BigDecimal("0.5")),
                List.of("r3", new BigDecimal("3.0")));
        assertThat(t.columns().get(0).title()).isEqualTo("Allocation");
    }

    @Test
    void allocationTopNListsTheLargestAndSumsTheRest() {
        ResultTable t = run(january().dimensions("allocation").measures("cost, allocations").top(2));

        assertThat(t.rows()).containsExactly(
                List.of("Alpha (r4)", new BigDecimal("4.0"), 1L),
                List.of("r3", new BigDecimal("3.0"), 1L),
                List.of("Other (3 more)", new BigDecimal("3.5"), 3L));
        assertThat(t.rowKinds()).containsExactly(RowKind.DETAIL, RowKind.DETAIL, RowKind.OTHER);
    }

    @Test
    void allocationFilterTakesTheUuidTheNameOrTheLabel() {
        assertThat(run(january().dimensions("country").measures("cost").filter("allocation = 'R3'")).rows())
                .containsExactly(List.of("Sweden", new BigDecimal("3.0")));
        assertThat(run(january().dimensions("allocation").measures("cost").filter("allocation = 'alpha'")).rows())
                .containsExactly(List.of("Alpha (r1)", new BigDecimal("1.0")), List.of("Alpha (r4)", new BigDecimal("4.0")));
        assertThat(run(january().dimensions("allocation").measures("cost").filter("allocation != 'Beta (r2)'"))
                .totals()).containsExactly("Total", new BigDecimal("8.5"));
    }

    @Test
    void theNewDimensionsCompareOnlyByEquality() {
        assertThatThrownBy(() -> run(january().dimensions("country").measures("cost").filter("field_of_science < '2'")))
                .isInstanceOf(QueryException.class).hasMessageContaining("use =, !=, in, contains or like");
    }
}
