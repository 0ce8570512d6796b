package dev.tally.core.aggregate;

import dev.tally.core.country.CountryShare;
import dev.tally.core.fact.AllocationFact;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sums the allocations active in a month per country share and per project. Shares come first
 * (alphabetically), then {@code (unassigned)}, then non-share offerings, so the table reads the way
 * the consortium reports it. Totals are exact sums of the rows.
 */
public final class Aggregator {
    /** LUMI's components in their usual reading order; others follow alphabetically. */
    private static final List<String> PREFERRED = List.of("cpu_k_hours", "gpu_k_hours", "gb_k_hours");

    private Aggregator() {
    }

    public static MonthlySummary summarise(List<AllocationFact> facts, YearMonth month) {
        List<AllocationFact> active = facts.stream().filter(f -> f.isActiveIn(month)).toList();
        List<String> components = components(facts);

        Map<CountryShare, List<AllocationFact>> byShare = new TreeMap<>(SHARE_ORDER);
        for (AllocationFact f : active) {
            byShare.computeIfAbsent(f.share(), k -> new ArrayList<>()).add(f);
        }
        List<ShareSummary> shares = new ArrayList<>();
        List<ProjectSummary> projects = new ArrayList<>();
        for (var e : byShare.entrySet()) {
            List<AllocationFact> rows = e.getValue();
            shares.add(new ShareSummary(e.getKey().name(), e.getKey().kind(), rows.size(), distinctProjects(rows),
                    sumLimits(rows, components), sumCost(rows)));
            Map<String, List<AllocationFact>> byProject = new TreeMap<>();
            for (AllocationFact f : rows) {
                byProject.computeIfAbsent(f.projectId(), k -> new ArrayList<>()).add(f);
            }
            byProject.values().stream()
                    .map(p -> new ProjectSummary(e.getKey().name(), p.get(0).projectId(), p.get(0).projectName(),
                            p.get(0).customerName(), p.size(), sumLimits(p, components), sumCost(p)))
                    .sorted(Comparator.comparing(ProjectSummary::projectName, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(ProjectSummary::projectId))
                    .forEach(projects::add);
        }
        return new MonthlySummary(month, components, shares, projects, active.size(), distinctProjects(active),
                sumLimits(active, components), sumCost(active));
    }

    private static final Comparator<CountryShare> SHARE_ORDER = Comparator
            .comparing((CountryShare s) -> s.kind().ordinal())
            .thenComparing(CountryShare::name);

    /** The component types present, LUMI's three first. */
    static List<String> components(List<AllocationFact> facts) {
        Set<String> seen = new HashSet<>();
        facts.forEach(f -> seen.addAll(f.limits().keySet()));
        facts.forEach(f -> seen.addAll(f.prices().components().keySet()));
        Set<String> ordered = new LinkedHashSet<>();
        PREFERRED.stream().filter(seen::contains).forEach(ordered::add);
        seen.stream().sorted().forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static int distinctProjects(List<AllocationFact> rows) {
        return (int) rows.stream().map(AllocationFact::projectId).distinct().count();
    }

    private static Map<String, BigDecimal> sumLimits(List<AllocationFact> rows, List<String> components) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (String c : components) {
            BigDecimal s = BigDecimal.ZERO;
            for (AllocationFact f : rows) {
                s = s.add(f.limit(c));
            }
            sums.put(c, s);
        }
        return sums;
    }

    private static BigDecimal sumCost(List<AllocationFact> rows) {
        BigDecimal s = BigDecimal.ZERO;
        for (AllocationFact f : rows) {
            s = s.add(f.monthlyCost());
        }
        return s;
    }
}
