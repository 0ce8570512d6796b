package dev.tally.core.quality;

import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the join from allocations to their projects, run while facts are assembled: projects the list lacks
 * (docs/definitions.md, "Projects the list lacks") and two is_industry flags that differ ("Two is_industry flags").
 * {@link AssemblyFindings} words what they find.
 */
public final class ProjectChecks {
    private ProjectChecks() {
    }

    /**
     * One finding per project that allocations name but {@code listed} (the projects list's UUIDs) lacks, in the order
     * of their first allocation. Without any projects (a snapshot that did not harvest them) nothing is missing: the
     * field of science is then unknown for all.
     */
    public static List<Finding> missingProjects(List<AllocationFact> allocations, Set<String> listed) {
        List<Finding> findings = new ArrayList<>();
        if (listed.isEmpty()) {
            return findings;
        }
        Map<String, AllocationFact> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (AllocationFact a : allocations) {
            if (a.projectId() != null && !listed.contains(a.projectId())) {
                first.putIfAbsent(a.projectId(), a);
                counts.merge(a.projectId(), 1, Integer::sum);
            }
        }
        first.forEach((id, a) -> findings.add(AssemblyFindings.projectMissing(id, a.projectName(), counts.get(id))));
        return findings;
    }

    /**
     * One finding per allocation whose LUMI option {@code is_industry} and its project's flag ({@code projectIndustry},
     * by project UUID) are both known and differ. The option stays the dimension: it is what the allocator recorded for
     * this allocation.
     */
    public static List<Finding> industryMismatches(List<AllocationFact> allocations,
            Map<String, Flag> projectIndustry) {
        List<Finding> findings = new ArrayList<>();
        for (AllocationFact a : allocations) {
            Flag option = a.options().isIndustry();
            Flag project = a.projectId() == null ? Flag.UNKNOWN
                    : projectIndustry.getOrDefault(a.projectId(), Flag.UNKNOWN);
            if (option != Flag.UNKNOWN && project != Flag.UNKNOWN && option != project) {
                String label = AssemblyFindings.resourceLabel(a.resourceId(), a.resourceName());
                findings.add(AssemblyFindings.industryMismatch(a.resourceId(), label, a.projectId(), a.projectName(),
                        option, project));
            }
        }
        return findings;
    }
}
