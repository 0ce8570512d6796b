package dev.tally.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InertTextTest {
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("plain text", "plain text"),
                Arguments.of("Ærø – Café 北極", "Ærø – Café 北極"),
                Arguments.of("\u001B[2J\u001B[Hgone", "\\x1B[2J\\x1B[Hgone"),
                Arguments.of("total\rfake", "total\\x0Dfake"),
                Arguments.of("a\u0000b", "a\\x00b"),
                Arguments.of("tab\there", "tab\\x09here"),
                Arguments.of("line\nbreak", "line\\x0Abreak"),
                Arguments.of("del\u007F c1\u009B", "del\\x7F c1\\x9B"),
                Arguments.of("abc\u202Efed", "abc\\u202Efed"),
                Arguments.of("\u202A\u202B\u202C\u202D", "\\u202A\\u202B\\u202C\\u202D"),
                Arguments.of("\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void escapesControlAndBidiCharactersAndKeepsEverythingElse(String in, String expected) {
        assertThat(InertText.escape(in)).isEqualTo(expected);
    }

    @Test
    void keepsNull() {
        assertThat(InertText.escape(null)).isNull();
    }
}
