package dev.tally.cli.report;

import dev.tally.cli.template.ReportTemplate;
import dev.tally.core.query.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A template run over one period: the sections in order, the provenance fields, and the time the
 * data is as of (the snapshot's harvest start), which stamps the files that carry a date.
 *
 * @param notes what a reader must know about the period, such as a month cut at the data's time; on the cover sheet
 */
public record Report(ReportTemplate template, Period period, List<SectionResult> sections, Map<String, String> provenance,
        Instant dataAsOf, List<String> notes, Map<String, String> measuredUnits) {
    public Report {
        notes = notes == null ? List.of() : List.copyOf(notes);
        measuredUnits = measuredUnits == null ? Map.of() : Map.copyOf(measuredUnits);
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dataAsOf, "dataAsOf");
        sections = List.copyOf(sections);
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
    }

    /** A report whose components all have words of their own. */
    public Report(ReportTemplate template, Period period, List<SectionResult> sections, Map<String, String> provenance,
            Instant dataAsOf, List<String> notes) {
        this(template, period, sections, provenance, dataAsOf, notes, Map.of());
    }

    /** The section result with this name. */
    public SectionResult section(String name) {
        return sections.stream().filter(s -> s.spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + name + "' in report " + template.name()));
    }

    /** The file name stem: template name and period label, e.g. {@code monthly-consortium-2026-10}. */
    public String baseName() {
        return template.name() + "-" + period.label().replace(' ', '_').replace("..", "_");
    }
}
