package dev.tally.cli.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.cli.DemoSnapshot;
import dev.tally.cli.report.Provenance;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.query.Period;
import dev.tally.core.query.Query;
import dev.tally.core.query.QueryEngine;
import dev.tally.emulator.Emulator;
import dev.tally.emulator.EmulatorConfig;
import dev.tally.emulator.store.Quirk;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.WaldurClient;
import dev.tally.waldur.WaldurClientConfig;
import dev.tally.waldur.WaldurCollection;
import dev.tally.waldur.snapshot.Harvester;
import dev.tally.waldur.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest over loopback HTTP from an emulator with soft-deleted projects and an archived share offering reports
 * the same figures as the tidy demo snapshot, with a finding per missing project (docs/definitions.md, "Projects the
 * list lacks"; docs/waldur.md, "Offerings the public list omits").
 */
class UntidyWaldurTest {
    /** The emulator's archived offering, LUMI Belgium (seed 42, scale 1). */
    private static final String ARCHIVED = "0ae78c330bbe45799ee5cf4612a2edde";

    @TempDir
    static Path dir;
    private static Dataset tidy;
    private static Dataset untidy;
    private static List<String> fetchedByUuid;
    private static Path untidySnapshot;

    @BeforeAll
    static void harvest() throws Exception {
        Path snapshot = dir.resolve("untidy");
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults().withQuirk(Quirk.SOFT_DELETED_PROJECTS)
                .withQuirk(Quirk.ARCHIVED_OFFERING))) {
            WaldurClientConfig config = WaldurClientConfig.builder(emulator.baseUrl(), ApiToken.of(emulator.staffToken()))
                    .pageSize(WaldurClientConfig.MAX_PAGE_SIZE).concurrency(4).build();
            Harvester harvester = new Harvester(new WaldurClient(config), "test", emulator.clock());
            harvester.harvest(snapshot, EnumSet.allOf(WaldurCollection.class), (c, f, t) -> { });
            fetchedByUuid = harvester.offeringsFetchedByUuid();
        }
        FactBuilder builder = new FactBuilder(CountryResolver.standard());
        untidySnapshot = snapshot;
        untidy = builder.dataset(Snapshot.open(snapshot));
        tidy = builder.dataset(Snapshot.open(DemoSnapshot.get()));
    }

    private static List<List<Object>> rows(Dataset d, String dimensions) {
        return QueryEngine.run(d, Query.builder(Period.parse("2024-01-01..2026-10-31")).dimensions(dimensions)
                .measures("cost, allocations").build()).rows();
    }

    @Test
    void theArchivedOfferingIsFetchedByUuidAndItsAllocationsArePricedAsBefore() {
        assertThat(fetchedByUuid).containsExactly(ARCHIVED);
        assertThat(untidy.size()).isEqualTo(tidy.size());
        assertThat(rows(untidy, "country")).isEqualTo(rows(tidy, "country"));
        assertThat(rows(untidy, "offering")).isEqualTo(rows(tidy, "offering"));
        // priced by its plan, which only the fetched offering carries: without it the cost would be zero
        assertThat(rows(untidy, "offering")).filteredOn(r -> "LUMI Belgium".equals(r.get(0)))
                .singleElement().satisfies(r -> assertThat((java.math.BigDecimal) r.get(1)).isPositive());
    }

    @Test
    void theManifestAndTheReportsProvenanceSayWhichOfferingWasFetchedByUuid() {
        Snapshot snapshot = Snapshot.open(untidySnapshot);
        assertThat(snapshot.manifest().offeringsByUuid()).containsExactly(ARCHIVED);
        assertThat(Provenance.of(snapshot, "monthly-consortium", "2026-10")).containsEntry("Offerings fetched by UUID",
                "'LUMI Belgium' (" + ARCHIVED + "): not in marketplace-public-offerings (Archived or not public), read"
                        + " from marketplace-provider-offerings; every other offering is from the public list");
        Snapshot clean = Snapshot.open(DemoSnapshot.get());
        assertThat(clean.manifest().offeringsByUuid()).isEmpty();
        assertThat(Provenance.of(clean, "monthly-consortium", "2026-10")).doesNotContainKey("Offerings fetched by UUID");
    }

    @Test
    void eachSoftDeletedProjectIsOneFindingAndItsAllocationsStayUnderTheirProjectName() {
        List<Finding> missing = DataQuality.check(untidy).stream()
                .filter(f -> f.kind() == FindingKind.PROJECT_MISSING).toList();
        assertThat(missing).extracting(Finding::subject)
                .containsExactly("1e9daa21d5cf419b9de7860ed53ba53c", "358cc7d4f7754d35a50620454de128ad");
        assertThat(missing.get(0).message()).startsWith("project 'Arctic ice analysis 4910' (1e9daa21d5cf419b9de7860ed53ba53c)"
                + " is not in the projects list");
        assertThat(DataQuality.check(tidy)).noneMatch(f -> f.kind() == FindingKind.PROJECT_MISSING);
        assertThat(rows(untidy, "project")).isEqualTo(rows(tidy, "project"));
        // every other finding is the same as without the quirks
        assertThat(DataQuality.check(untidy).size() - missing.size()).isEqualTo(DataQuality.check(tidy).size());
    }
}
