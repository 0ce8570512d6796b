package dev.tally.cli.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A result table as one pretty-printed JSON object: {@code {title, query, columns, rows: [{key: value}],
 * totals, notes}}, {@code query} only when given. Numbers are written as in CSV ({@link CellText#exact}), ratios as fractions to six
 * significant digits; a row that is not a detail row says so in {@code _row}.
 */
public final class JsonRenderer implements TableRenderer {
    private static final MathContext RATIO_DIGITS = new MathContext(6);

    private final Map<String, Object> query;

    /** A renderer of the table alone. */
    public JsonRenderer() {
        this(null);
    }

    /**
     * A renderer that writes {@code query} (what was asked: strings, numbers and lists of strings)
     * as a {@code query} object after the title, so the answer says what it answers.
     */
    public JsonRenderer(Map<String, Object> query) {
        this.query = query == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    @Override
    public void render(ResultTable t, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonGenerator g = new ObjectMapper().getFactory().createGenerator(w).useDefaultPrettyPrinter();
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("title", t.title());
        if (query != null) {
            g.writeObjectField("query", query);
        }
        g.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
            g.writeStartObject();
            g.writeStringField("key", c.key());
            g.writeStringField("title", c.title());
            g.writeStringField("type", c.type().name().toLowerCase(Locale.ROOT));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rows");
        for (int r = 0; r < t.rows().size(); r++) {
            writeRow(g, t, t.rows().get(r), t.rowKinds().get(r).name().toLowerCase(Locale.ROOT));
        }
        g.writeEndArray();
        if (t.totals() != null) {
            g.writeFieldName("totals");
            writeRow(g, t, t.totals(), null);
        }
        g.writeArrayFieldStart("notes");
        for (String n : t.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        w.write(System.lineSeparator());
        w.flush();
    }

    private static void writeRow(JsonGenerator g, ResultTable t, List<Object> row, String kind) throws IOException {
        g.writeStartObject();
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            Object v = row.get(c);
            g.writeFieldName(col.key());
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof BigDecimal d) {
                g.writeNumber(col.type() == ColumnType.PERCENT ? d.round(RATIO_DIGITS).stripTrailingZeros()
                        : new BigDecimal(CellText.exact(d, col.type())));
            } else {
                g.writeString(v.toString());
            }
        }
        if (kind != null && !kind.equals("detail")) {
            g.writeStringField("_row", kind);
        }
        g.writeEndObject();
    }
}
