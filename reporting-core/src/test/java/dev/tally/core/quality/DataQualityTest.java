package dev.tally.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tally.core.country.CountryResolver;
import dev.tally.core.input.FactAssembler;
import dev.tally.core.input.Snapshots;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualityTest {
    @Test
    void findsEveryProblemOfTheExampleSnapshotOnceMostSevereFirst() {
        FactAssembler assembler = new FactAssembler(CountryResolver.standard(),
                Clock.fixed(Instant.parse("2025-04-15T09:00:00Z"), ZoneOffset.UTC));

        List<Finding> findings = DataQuality.check(assembler.assemble(Snapshots.example()));

        assertThat(findings).extracting(Finding::severity, Finding::kind, Finding::subject).containsExactly(
                tuple(Severity.ERROR, FindingKind.COST_MISMATCH, "o4"),
                tuple(Severity.ERROR, FindingKind.ORDER_WITHOUT_RESOURCE, "o9"),
                tuple(Severity.WARNING, FindingKind.UNASSIGNED_COUNTRY, "LUMI Atlantis"),
                tuple(Severity.WARNING, FindingKind.LIMIT_NOT_IN_PLAN, "r4"),
                tuple(Severity.WARNING, FindingKind.USAGE_WITHOUT_ALLOCATION, "ghost"),
                tuple(Severity.WARNING, FindingKind.USAGE_WITHOUT_ALLOCATION, "r2"),
                tuple(Severity.WARNING, FindingKind.USAGE_ABOVE_LIMIT, "r1"),
                tuple(Severity.WARNING, FindingKind.LIMITS_MISMATCH, "r4"),
                tuple(Severity.INFO, FindingKind.DUPLICATE_USAGE, "r1"));
        assertThat(findings.get(0).message()).isEqualTo("Create order o4 stores cost 2.0 but its plan and limits give 1");
        assertThat(findings.get(6).message())
                .isEqualTo("resource r1 used 5 cpu_k_hours in 2025-01, above its limit of 2.129");
        assertThat(findings.get(8).message())
                .isEqualTo("2 usage reports for cpu_k_hours in 2025-03 of resource r1; the latest (2.5) counts");
    }

    @Test
    void findingsBecomeATableWithOneRowEach() {
        List<Finding> findings = List.of(new Finding(FindingKind.COST_MISMATCH, "o4", "Create order o4 stores cost 2.0 but its plan and limits give 1"));

        var table = DataQuality.table(findings);

        assertThat(table.rows()).containsExactly(List.of("error", "cost_mismatch", "o4",
                "Create order o4 stores cost 2.0 but its plan and limits give 1"));
        assertThat(table.notes()).containsExactly("1 finding(s); definitions in docs/definitions.md, section 10.");
    }
}
