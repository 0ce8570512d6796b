package dev.tally.cli.report;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data-quality section as a reader acts on it: every finding with the allocation, project and
 * country share it concerns (looked up by the resource or order it names), and a table of the
 * count per kind of finding, with what each kind means, that leads the sheet (docs/reports.md,
 * "Data quality").
 */
final class FindingsTables {
    /** What each kind means and what to do, in a sentence; a kind without one shows its key. */
    private static final Map<FindingKind, String> MEANING = new EnumMap<>(Map.of(
            FindingKind.UNASSIGNED_COUNTRY, "A LUMI offering with no country share; its allocations are under (unassigned). Map it in the configuration.",
            FindingKind.LIMIT_NOT_IN_PLAN, "Limits on a component the plan does not price; they cost nothing. Check the plan or the limits.",
            FindingKind.COST_MISMATCH, "The cost Waldur stored on an order differs from Tally's recomputation. Check the plan's prices.",
            FindingKind.USAGE_WITHOUT_ALLOCATION, "Usage reported for an allocation that did not exist that month; not counted.",
            FindingKind.USAGE_ABOVE_LIMIT, "Usage above the allocation's limit in the month; counted as reported.",
            FindingKind.ORDER_WITHOUT_RESOURCE, "An order naming an allocation the data lacks; not counted.",
            FindingKind.DUPLICATE_USAGE, "Several usage reports for one allocation, component and month; the latest counts.",
            FindingKind.LIMITS_MISMATCH, "Current limits differ from the last done order's; the current limits count this month.",
            FindingKind.PROJECT_MISSING, "Allocations of a project missing from the projects list; counted under the name they carry.",
            FindingKind.INDUSTRY_MISMATCH, "The project's industry flag and the allocation's LUMI option disagree; the option counts."));

    /**
     * The name of each check as a reader sees it in the sheet; the key ({@code usage_above_limit}) stays in the last
     * column, where docs/definitions.md, "Data quality", and the CSV name it.
     */
    private static final Map<FindingKind, String> LABEL = new EnumMap<>(Map.ofEntries(
            Map.entry(FindingKind.UNASSIGNED_COUNTRY, "No country share"),
            Map.entry(FindingKind.LIMIT_NOT_IN_PLAN, "Limit not in plan"),
            Map.entry(FindingKind.COST_MISMATCH, "Order cost differs"),
            Map.entry(FindingKind.USAGE_WITHOUT_ALLOCATION, "Usage without allocation"),
            Map.entry(FindingKind.USAGE_ABOVE_LIMIT, "Usage above limit"),
            Map.entry(FindingKind.ORDER_WITHOUT_RESOURCE, "Order without allocation"),
            Map.entry(FindingKind.DUPLICATE_USAGE, "Usage reported twice"),
            Map.entry(FindingKind.LIMITS_MISMATCH, "Limits differ from order"),
            Map.entry(FindingKind.PROJECT_MISSING, "Project missing"),
            Map.entry(FindingKind.INDUSTRY_MISMATCH, "Industry flags disagree"),
            Map.entry(FindingKind.NEGATIVE_USAGE, "Negative usage"),
            Map.entry(FindingKind.USAGE_NOT_IN_OFFERING, "Usage of a component not offered"),
            Map.entry(FindingKind.PRICES_ASSUMED, "Past prices assumed"),
            Map.entry(FindingKind.USAGE_PLAN_PERIODS, "Usage in several plan periods")));

    private FindingsTables() {
    }

    /** One row per finding: severity, kind, the allocation, project and country share, the subject and the sentence. */
    static ResultTable list(String name, String title, List<Finding> findings, Dataset d) {
        Map<String, Integer> byResource = new HashMap<>();
        for (int i = 0; i < d.size(); i++) {
            byResource.put(d.resourceId(i), i);
        }
        for (int j = 0; j < d.orders().size(); j++) {
            if (d.orderAllocation(j) >= 0) {
                byResource.putIfAbsent(d.orders().get(j).orderId(), d.orderAllocation(j));
            }
        }
        List<Column> columns = List.of(Column.text("severity", "Severity"), Column.text("check", "Check"),
                Column.text("allocation", "Allocation"), Column.text("project", "Project"),
                Column.text("country", "Country share"), Column.text("subject", "Subject"),
                Column.text("message", "Finding"), Column.text("kind", "Check key"));
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : findings) {
            Integer i = byResource.get(f.subject());
            String allocation = i == null ? "" : d.resourceName(i) == null ? d.resourceId(i) : d.resourceName(i);
            String project = i == null ? "" : d.projects().label(d.project(i));
            String share = i == null ? "" : d.shares().label(d.share(i));
            rows.add(List.of(f.severity().name().toLowerCase(Locale.ROOT), label(f.kind()), allocation, project, share,
                    f.subject(), f.message(), f.kind().key()));
        }
        return new ResultTable(name, title, columns, rows, null, List.of(rows.size() + " finding(s); the allocation, project"
                + " and country share are those of the allocation (resource) or order the finding names, empty for an"
                + " offering or an unknown resource. Definitions: " + Provenance.DEFINITIONS + ", \"Data quality\"."));
    }

    /** The check's name in words; a kind added without one shows its key rather than nothing. */
    static String label(FindingKind k) {
        return LABEL.getOrDefault(k, k.key());
    }

    /** The count per kind of finding, most severe kinds first, each with what it means. */
    static ResultTable counts(String name, List<Finding> findings) {
        Map<FindingKind, Integer> count = new EnumMap<>(FindingKind.class);
        findings.forEach(f -> count.merge(f.kind(), 1, Integer::sum));
        List<FindingKind> kinds = new ArrayList<>(count.keySet());
        kinds.sort(java.util.Comparator.comparing((FindingKind k) -> k.severity().ordinal()).thenComparing(FindingKind::key));
        List<List<Object>> rows = new ArrayList<>();
        for (FindingKind k : kinds) {
            rows.add(List.of(label(k), k.severity().name().toLowerCase(Locale.ROOT), (long) count.get(k), MEANING.getOrDefault(k, ""),
                    k.key()));
        }
        List<Column> columns = List.of(Column.text("check", "Check"), Column.text("severity", "Severity"),
                new Column("findings", "Findings", ColumnType.COUNT), Column.text("meaning", "What it means"),
                Column.text("kind", "Check key"));
        return new ResultTable(name + "-counts", "Findings per check", columns, rows, null,
                List.of(findings.size() + " finding(s) in all; each is listed below."));
    }
}
