package dev.tally.cli.report;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.quality.Finding;
import dev.tally.core.quality.FindingKind;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Properties;
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
    /**
     * Each kind's name as a reader sees it and what it means, kept as data beside this class
     * ({@code findings.properties}, by the kind's key): the key ({@code usage_above_limit}) stays in the last column,
     * where docs/definitions.md, "Data quality", and the CSV name it.
     */
    private static final Properties WORDS = words();

    private static Properties words() {
        Properties words = new Properties();
        try (InputStream in = FindingsTables.class.getResourceAsStream("findings.properties")) {
            if (in == null) {
                throw new IllegalStateException("findings.properties is missing from Tally's jar");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

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
        return WORDS.getProperty(k.key() + ".label", k.key());
    }

    /** What a kind means and what to do, in a sentence; empty for a kind without one. */
    static String meaning(FindingKind k) {
        return WORDS.getProperty(k.key() + ".meaning", "");
    }

    /** The count per kind of finding, most severe kinds first, each with what it means. */
    static ResultTable counts(String name, List<Finding> findings) {
        Map<FindingKind, Integer> count = new EnumMap<>(FindingKind.class);
        findings.forEach(f -> count.merge(f.kind(), 1, Integer::sum));
        List<FindingKind> kinds = new ArrayList<>(count.keySet());
        kinds.sort(java.util.Comparator.comparing((FindingKind k) -> k.severity().ordinal()).thenComparing(FindingKind::key));
        List<List<Object>> rows = new ArrayList<>();
        for (FindingKind k : kinds) {
            rows.add(List.of(label(k), k.severity().name().toLowerCase(Locale.ROOT), (long) count.get(k), meaning(k),
                    k.key()));
        }
        List<Column> columns = List.of(Column.text("check", "Check"), Column.text("severity", "Severity"),
                new Column("findings", "Findings", ColumnType.COUNT), Column.text("meaning", "What it means"),
                Column.text("kind", "Check key"));
        return new ResultTable(name + "-counts", "Findings per check", columns, rows, null,
                List.of(findings.size() + " finding(s) in all; each is listed below."));
    }
}
