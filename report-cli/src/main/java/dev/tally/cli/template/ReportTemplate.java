package dev.tally.cli.template;

import java.util.List;
import java.util.Objects;

/**
 * A report definition loaded from YAML: a name, a title and its sections in order.
 *
 * @param source where it was loaded from ({@code templates/monthly-consortium.yaml} or a user path), for provenance
 */
public record ReportTemplate(String name, String title, String description, List<SectionSpec> sections, String source,
        boolean dataSheet) {
    /** A template whose workbooks carry no Data sheet unless asked (docs/reports.md, "The Data sheet"). */
    public ReportTemplate(String name, String title, String description, List<SectionSpec> sections, String source) {
        this(name, title, description, sections, source, false);
    }

    public ReportTemplate {
        Objects.requireNonNull(name, "name");
        title = title == null ? name : title;
        description = description == null ? "" : description;
        sections = List.copyOf(sections);
    }

    /** The section with this name, or an exception naming the ones there are. */
    public SectionSpec section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template '" + name + "' has no section '" + sectionName
                        + "'; it has " + sections.stream().map(SectionSpec::name).toList()));
    }
}
