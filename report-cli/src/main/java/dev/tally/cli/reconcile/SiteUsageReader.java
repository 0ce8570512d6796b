package dev.tally.cli.reconcile;

import dev.tally.core.reconcile.SiteRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a site's accounting export through a {@link SiteFormat} into {@link SiteRecord}s in Waldur's
 * components and units. Line by line, so that every problem is reported as {@code FILE:LINE: what};
 * blank lines and lines starting with {@code #} are skipped.
 */
public final class SiteUsageReader {
    private final SiteFormat format;
    private final CSVFormat csv;

    public SiteUsageReader(SiteFormat format) {
        this.format = format;
        this.csv = CSVFormat.DEFAULT.builder().setDelimiter(format.delimiter()).setTrim(true).build();
    }

    public List<SiteRecord> read(Path file) {
        String where = file.toString();
        List<SiteRecord> out = new ArrayList<>();
        Map<String, Integer> columns = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> cells = cells(text, where, line);
                if (columns == null) {
                    columns = format.header() ? header(cells, where, line) : positions();
                    if (format.header()) {
                        continue;
                    }
                }
                record(cells, columns, where, line, out);
            }
            if (columns == null && format.header()) {
                throw new SiteFileException(where, line, "no header line");
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SiteFileException(where, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new SiteFileException(where, 0, "cannot be read: " + e.getMessage());
        }
        return out;
    }

    private List<String> cells(String text, String where, int line) {
        try (CSVParser p = CSVParser.parse(text, csv)) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                throw new SiteFileException(where, line, "a quoted field runs past the end of the line");
            }
            List<String> cells = new ArrayList<>();
            records.get(0).forEach(cells::add);
            return cells;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new SiteFileException(where, line, "not a valid delimited line (" + firstLine(e.getMessage()) + ")");
        }
    }

    private Map<String, Integer> header(List<String> cells, String where, int line) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            index.putIfAbsent(cells.get(i), i);
        }
        for (String c : format.referencedColumns()) {
            if (!index.containsKey(c)) {
                throw new SiteFileException(where, line, "the header has no column '" + c + "' (it has " + String.join(", ", cells) + ")");
            }
        }
        return index;
    }

    private Map<String, Integer> positions() {
        Map<String, Integer> index = new HashMap<>();
        format.referencedColumns().forEach(c -> index.put(c, Integer.parseInt(c) - 1));
        return index;
    }

    private void record(List<String> cells, Map<String, Integer> columns, String where, int line, List<SiteRecord> out) {
        int needed = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (cells.size() < needed) {
            throw new SiteFileException(where, line, "has " + cells.size() + " field(s), the mapping reads " + needed);
        }
        String key = cells.get(columns.get(format.keyColumn()));
        if (key.isEmpty()) {
            throw new SiteFileException(where, line, "the key (" + format.key().name().toLowerCase(java.util.Locale.ROOT) + ") is empty");
        }
        YearMonth month = month(cells.get(columns.get(format.monthColumn())), where, line);
        String source = where + ":" + line;
        if (format.wide()) {
            for (Map.Entry<String, SiteFormat.Target> e : format.components().entrySet()) {
                String amount = cells.get(columns.get(e.getKey()));
                if (!amount.isEmpty()) {
                    out.add(new SiteRecord(key, month, e.getValue().component(), amount(amount, e.getValue(), where, line), source));
                }
            }
            return;
        }
        String name = cells.get(columns.get(format.componentColumn()));
        SiteFormat.Target target = format.components().get(name);
        if (target == null) {
            throw new SiteFileException(where, line, "component '" + name + "' is not in the mapping (it maps "
                    + String.join(", ", format.components().keySet()) + ")");
        }
        out.add(new SiteRecord(key, month, target.component(), amount(cells.get(columns.get(format.amountColumn())), target,
                where, line), source));
    }

    private static YearMonth month(String text, String where, int line) {
        try {
            return text.length() == 7 ? YearMonth.parse(text) : YearMonth.from(LocalDate.parse(text));
        } catch (java.time.DateTimeException e) {
            throw new SiteFileException(where, line, "'" + text + "' is not a month (YYYY-MM or YYYY-MM-DD)");
        }
    }

    private static BigDecimal amount(String text, SiteFormat.Target target, String where, int line) {
        try {
            return new BigDecimal(text).multiply(target.factor());
        } catch (NumberFormatException e) {
            throw new SiteFileException(where, line, "'" + text + "' is not a number");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
