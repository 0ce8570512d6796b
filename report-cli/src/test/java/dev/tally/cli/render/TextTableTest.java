package dev.tally.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.core.table.Column;
import dev.tally.core.table.ColumnType;
import dev.tally.core.table.ResultTable;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal table: names from data cannot drive the terminal. */
class TextTableTest {
    @Test
    void escapesControlAndBidiCharactersInCellsTitlesAndNotes() throws Exception {
        ResultTable table = new ResultTable("t", "T",
                List.of(new Column("project", "Pro\u001Bject", ColumnType.TEXT), new Column("cost", "Cost", ColumnType.MONEY)),
                List.of(Arrays.asList("evil\u001B[31m", new BigDecimal("1.5")), Arrays.asList("ab\u202Ecd", new BigDecimal("10"))),
                Arrays.asList("Total\r", new BigDecimal("11.5")), List.of("note with\nnewline"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new TextTable().render(table, out);

        String nl = System.lineSeparator();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Pro\\x1Bject    Cost" + nl
                + "------------  -----" + nl
                + "evil\\x1B[31m   1.50" + nl
                + "ab\\u202Ecd    10.00" + nl
                + "------------  -----" + nl
                + "Total\\x0D     11.50" + nl
                + "note: note with\\x0Anewline" + nl);
    }
}
