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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV keeps the data but nothing in it runs: no formulas, no control characters. */
class CsvRendererTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+1+1|'+1+1",
        "-2+3|'-2+3",
        "-12.5|-12.5",
        "@SUM(A1)|'@SUM(A1)",
        "`\t=1`|\\x09=1",
        "`\r=1`|\\x0D=1",
        "ok\u001B[2J|ok\\x1B[2J",
        "a\u0000b|a\\x00b",
        "x\u202Ey|x\\u202Ey",
        "Ærø|Ærø",
    })
    void neutralisesFormulasAndEscapesControlCharacters(String in, String expected) {
        assertThat(CsvRenderer.neutralise(in)).isEqualTo(expected);
    }

    @Test
    void writesEscapedCellsAsOneRecordPerRow() throws Exception {
        ResultTable table = new ResultTable("t", "T",
                List.of(new Column("project", "Project", ColumnType.TEXT), new Column("cost", "Cost", ColumnType.MONEY)),
                List.of(Arrays.asList("two\nlines", new BigDecimal("1.5")), Arrays.asList("=cmd|' /C calc'!A0", new BigDecimal("-2"))),
                null, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvRenderer(false).render(table, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "project,cost\r\n"
                + "two\\x0Alines,1.50\r\n"
                + "'=cmd|' /C calc'!A0,-2.00\r\n");
    }
}
