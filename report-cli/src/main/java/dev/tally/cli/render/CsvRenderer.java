package dev.tally.cli.render;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
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
 * cleanly in any tool). Numbers use '.'; money is rounded to the cent ({@link CellText#cents}), or,
 * when {@code exact}, keeps enough decimals ({@link CellText#exact}) that the rows add up to the
 * report's totals to the cent (docs/reports.md, "Number formats"). Text that a spreadsheet would run as a formula is neutralised with a leading ',
 * and control and bidi characters are escaped ({@link InertText}), so every value stays visible text (docs/security.md).
 */
public final class CsvRenderer implements TableRenderer {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final boolean excelBom;
    private final boolean exact;

    /** Money to the cent. */
    public CsvRenderer(boolean excelBom) {
        this(excelBom, false);
    }

    /** Money to the cent, or at full precision when {@code exact}. */
    public CsvRenderer(boolean excelBom, boolean exact) {
        this.excelBom = excelBom;
        this.exact = exact;
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
                Object v = row.get(i);
                ColumnType type = table.columns().get(i).type();
                cells.add(neutralise(exact ? CellText.exact(v, type) : CellText.cents(v, type)));
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
