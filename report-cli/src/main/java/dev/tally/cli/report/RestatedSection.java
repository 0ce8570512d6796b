package dev.tally.cli.report;

import dev.tally.cli.template.SectionKind;
import dev.tally.cli.template.SectionSpec;
import dev.tally.core.history.OpenMonthChange;
import dev.tally.core.history.OpenMonthChanges;
import dev.tally.core.history.Restatement;
import dev.tally.core.history.Restatements;
import dev.tally.core.history.SnapshotDiff;
import dev.tally.core.table.ResultTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Restated" section (docs/reports.md, "Restated"): every figure of a month that was closed when the
 * previous snapshot was taken and differs now, with its old and new value and cause; then, as a second part
 * of its own, the limit changes and terminations that take effect in a month still open then, which restate
 * nothing. Both go before the data-quality and provenance sections; a report without a previous snapshot has
 * neither.
 */
final class RestatedSection {
    static final String NAME = "restated";
    static final SectionSpec SPEC = new SectionSpec(NAME, "Restated", SectionKind.RESTATED, null, List.of(), null, false,
            List.of());
    /** The second part: what changed in months still open then, which is not a restatement (OpenMonthChanges). */
    static final String OPEN_NAME = "restated-open";
    static final SectionSpec OPEN_SPEC = new SectionSpec(OPEN_NAME, "Changed, not restated", SectionKind.RESTATED, null, List.of(),
            null, false, List.of());

    private RestatedSection() {
    }

    /** {@code report} with the Restated section computed from {@code previous} to {@code current}. */
    static Report addTo(Report report, ReportInput previous, ReportInput current) {
        SnapshotDiff diff = SnapshotDiff.between(previous.dataset(), current.dataset());
        YearMonth upTo = YearMonth.from(report.period().to());
        List<Restatement> restated = Restatements.between(previous.dataset(), current.dataset(), diff, upTo);
        List<String> notes = new ArrayList<>();
        notes.add("Previous snapshot: data as of " + previous.snapshot().manifest().startedAt() + ".");
        List<OpenMonthChange> open = OpenMonthChanges.between(previous.dataset(), current.dataset(), diff);
        if (!open.isEmpty()) {
            notes.add(open.size() + " limit change(s) and termination(s) since then take effect in a month that was still open:"
                    + " they restate no closed month and are listed on the next sheet, \"" + OPEN_SPEC.title() + "\".");
        }
        ResultTable table = Restatements.table(restated, previous.dataset().asOf(), notes);
        List<SectionResult> sections = new ArrayList<>(report.sections());
        int at = sections.size();
        for (int i = 0; i < sections.size(); i++) {
            SectionKind k = sections.get(i).spec().kind();
            if (k == SectionKind.FINDINGS || k == SectionKind.PROVENANCE) {
                at = i;
                break;
            }
        }
        sections.add(at, new SectionResult(SPEC, table, List.of()));
        sections.add(at + 1, new SectionResult(OPEN_SPEC, OpenMonthChanges.table(OPEN_NAME, open, previous.dataset().asOf()), List.of()));
        Map<String, String> provenance = new LinkedHashMap<>(report.provenance());
        provenance.put("Previous snapshot", previous.snapshot().dir().toAbsolutePath().normalize().toString()
                + " (data as of " + previous.snapshot().manifest().startedAt() + ")");
        provenance.put("Restated figures", Integer.toString(restated.size()));
        return new Report(report.template(), report.period(), sections, provenance, report.dataAsOf(), report.notes());
    }
}
