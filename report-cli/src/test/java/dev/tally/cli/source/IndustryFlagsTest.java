package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.Flag;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.snapshot.Snapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator's projects carry {@code is_industry}, and their resources' LUMI option follows it four times in five
 * for industry projects and once in thirty for the others, so the demo snapshot (harvested over loopback HTTP)
 * already has allocations whose two flags disagree (docs/definitions.md, "Two is_industry flags"), and the dataset
 * every report and query uses finds each of them.
 */
class IndustryFlagsTest {
    @Test
    void everyAllocationWhoseOptionDisagreesWithItsProjectIsOneFinding() {
        Snapshot snapshot = Snapshot.open(DemoSnapshot.get());
        Map<String, Flag> projects = new HashMap<>();
        snapshot.forEach(WaldurCollection.PROJECTS, Project.class, p -> {
            if (p.isIndustry() != null) {
                projects.put(p.uuid(), Flag.of(p.isIndustry()));
            }
        });

        Dataset checked = new FactBuilder(CountryResolver.standard()).dataset(snapshot);

        List<Finding> mismatches = checked.findings().stream().filter(f -> f.kind() == FindingKind.INDUSTRY_MISMATCH).toList();
        // counted independently from the records: both flags present and different
        long[] disagree = {0};
        snapshot.forEach(WaldurCollection.RESOURCES, Resource.class, r -> {
            Boolean option = r.lumiOptions().isIndustry();
            Flag project = projects.getOrDefault(r.projectUuid(), Flag.UNKNOWN);
            if (option != null && project != Flag.UNKNOWN && Flag.of(option) != project) {
                disagree[0]++;
            }
        });
        assertThat(projects).hasSize(2500);
        assertThat(projects.values()).filteredOn(f -> f == Flag.TRUE).hasSize(211);
        assertThat(disagree[0]).isEqualTo(155);
        assertThat(mismatches).hasSize(155);
        assertThat(mismatches).filteredOn(f -> f.message().contains("is_industry=true but")).hasSize(109);
        assertThat(mismatches).filteredOn(f -> f.subject().equals("7767442c813a432390d206d8bd54b553")).singleElement()
                .extracting(Finding::message).isEqualTo("allocation 'alloc-103876' (7767442c813a432390d206d8bd54b553) has "
                        + "the LUMI option is_industry=true but its project 'Epidemiology simulation 3769' "
                        + "(d0519118488e4963be62c9aab2a0ba80) has is_industry=false; reports use the option");
    }
}
