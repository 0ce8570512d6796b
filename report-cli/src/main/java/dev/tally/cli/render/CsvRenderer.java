package dev.tally.cli.render;

import dev.tally.core.table.Column;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8: a header of column keys, then the rows (no totals row, so the file sums
 * cleanly in any tool). Numbers use '.' and keep enough decimals ({@link CellText#exact}) that the
 * rows add up to the report's totals to the cent. Text that a spreadsheet would run as a formula is neutralised with a leading ',
 * and control and bidi characters are escaped ({@link InertText}), so every value stays visible text (docs/security.md).
 */
public final class CsvRenderer implements TableRenderer {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final boolean excelBom;

    public CsvRenderer(boolean excelBom) {
        this.excelBom = excelBom;
    }

    @Override
    public void render(ResultTable table, OutputStream out) throws IOException {
        if (excelBom) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, FORMAT);
        printer.printRecord(table.columns().stream().map(c -> neutralise(c.key())).toList());
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(neutralise(CellText.exact(row.get(i), table.columns().get(i).type())));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    /**
     * Control and bidi characters are escaped; then values starting with = + - @ tab or CR are prefixed
     * with ' (OWASP CSV injection); plain negative numbers stay.
     */
    static String neutralise(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        String text = InertText.escape(raw);
        char c = text.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (risky && !(c == '-' && text.matches("-\\d+(\\.\\d+)?"))) {
            return "'" + text;
        }
        return text;
    }
}
