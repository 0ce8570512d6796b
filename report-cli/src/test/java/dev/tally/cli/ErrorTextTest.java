package dev.tally.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.WaldurApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The one-line error text: sentences naming the value, no Java class names, nothing a terminal would act on. */
class ErrorTextTest {
    private static Throwable thrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    @Test
    void aNumberThatIsNotOneIsNamed() {
        assertThat(TallyCommand.describe(thrown(() -> Integer.parseInt("12x")))).isEqualTo("'12x' is not a number");
        assertThat(TallyCommand.describe(new IllegalArgumentException("bad page size: java.lang.NumberFormatException: For input string: \"abc\"")))
                .isEqualTo("bad page size: 'abc' is not a number");
    }

    @Test
    void aDateThatDoesNotParseIsNamed() {
        assertThat(TallyCommand.describe(thrown(() -> YearMonth.parse("2026-13x")))).isEqualTo("'2026-13x' is not a valid date or time");
        assertThat(TallyCommand.describe(thrown(() -> LocalDate.of(2026, 2, 30))))
                .isEqualTo("invalid date or time: Invalid date 'FEBRUARY 30'");
    }

    @Test
    void textThatIsNotUtf8SaysSo() {
        assertThat(TallyCommand.describe(new UncheckedIOException(new MalformedInputException(1))))
                .isEqualTo("the input is not valid UTF-8 text (a bad sequence of 1 byte(s)); save the file as UTF-8");
    }

    @Test
    void fileSystemErrorsNameTheFile() {
        assertThat(TallyCommand.describe(new NoSuchFileException("/data/snap/manifest.json"))).isEqualTo("no such file: /data/snap/manifest.json");
        assertThat(TallyCommand.describe(new AccessDeniedException("/share/lumi"))).isEqualTo("permission denied: /share/lumi");
        assertThat(TallyCommand.describe(new FileSystemException("/share/lumi/x.csv", null, "Read-only file system")))
                .isEqualTo("/share/lumi/x.csv: Read-only file system");
        assertThat(TallyCommand.describe(new IOException("No space left on device"))).isEqualTo("I/O error: No space left on device");
    }

    @Test
    void malformedJsonGivesItsPlaceNotItsParserClass() {
        Throwable e = thrown(() -> {
            try {
                new ObjectMapper().readTree("{\"a\": tru}");
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });

        assertThat(TallyCommand.describe(e)).isEqualTo("malformed JSON or YAML: Unrecognized token 'tru': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 7)");
    }

    @Test
    void anExceptionWithoutAMessageStillGetsASentence() {
        assertThat(TallyCommand.describe(new NullPointerException())).isEqualTo(
                "unexpected internal error; run again with --verbose for the stack trace");
    }

    @Test
    void controlAndBidiCharactersFromAServerAreEscapedOnOneLine() {
        WaldurApiException e = new WaldurApiException("GET", "/api/customers/", 403, "denied\u001B[2J\r\nOK \u202Egnp.exe");

        assertThat(TallyCommand.describe(e))
                .isEqualTo("GET /api/customers/ returned HTTP 403: denied\\x1B[2J\\x0D\\x0AOK \\u202Egnp.exe");
    }
}
