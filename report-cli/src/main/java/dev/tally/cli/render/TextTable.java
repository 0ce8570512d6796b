package dev.tally.cli.render;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A result table aligned for the terminal: text left, numbers right, totals under a rule. As the
 * {@link OutputFormat#TABLE} renderer, the table's notes follow it, one {@code note:} line each.
 * Titles, cells and notes come from data, so control and bidi characters in them are escaped
 * ({@link InertText}): a project name cannot move the cursor, clear the screen or reorder a line.
 */
public final class TextTable implements TableRenderer {
    @Override
    public void render(ResultTable table, OutputStream out) throws IOException {
        PrintWriter pw = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        print(table, pw);
        table.notes().forEach(n -> pw.println("note: " + InertText.escape(n)));
        pw.flush();
    }

    /** The aligned table alone, without notes. */
    public static void print(ResultTable table, PrintWriter out) {
        List<Column> cols = table.columns();
        List<List<String>> lines = new ArrayList<>();
        lines.add(cols.stream().map(c -> InertText.escape(c.title())).toList());
        for (List<Object> row : table.rows()) {
            lines.add(cells(row, cols));
        }
        List<String> totals = table.totals() == null ? null : cells(table.totals(), cols);
        int[] width = new int[cols.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        if (totals != null) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], totals.get(i).length());
            }
        }
        print(out, lines.get(0), cols, width);
        out.println(rule(width));
        for (int r = 1; r < lines.size(); r++) {
            print(out, lines.get(r), cols, width);
        }
        if (totals != null) {
            out.println(rule(width));
            print(out, totals, cols, width);
        }
    }

    private static List<String> cells(List<Object> row, List<Column> cols) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            cells.add(InertText.escape(CellText.display(row.get(i), cols.get(i).type())));
        }
        return cells;
    }

    private static void print(PrintWriter out, List<String> cells, List<Column> cols, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String cell = cells.get(i);
            boolean right = cols.get(i).type() != ColumnType.TEXT && cols.get(i).type() != ColumnType.DATE;
            String pad = " ".repeat(width[i] - cell.length());
            sb.append(right ? pad + cell : cell + (i == cells.size() - 1 ? "" : pad));
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append("-".repeat(width[i]));
        }
        return sb.toString();
    }
}
