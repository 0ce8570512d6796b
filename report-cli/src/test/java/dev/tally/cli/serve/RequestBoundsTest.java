package dev.tally.cli.serve;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a request's query string, question and Host header are read, without a server. */
class RequestBoundsTest {
    @Test
    void decodesFormDataAsUtf8() throws Exception {
        assertEquals(Map.of("where", "country = 'Åland'", "measure", "cost"),
                RequestParams.parse("where=country+%3D+%27%C3%85land%27&measure=cost&&"));
        assertEquals(Map.of(), RequestParams.parse(null));
    }

    @Test
    void refusesMalformedOrOversizedQueryStrings() {
        assertEquals("malformed query string: not valid UTF-8", assertThrows(BadRequest.class, () -> RequestParams.parse("a=%C3%28"))
                .getMessage());
        assertEquals("parameter 'a' is given twice", assertThrows(BadRequest.class, () -> RequestParams.parse("a=1&a=2")).getMessage());
        BadRequest tooLong = assertThrows(BadRequest.class, () -> RequestParams.parse("a=" + "x".repeat(5000)));
        assertEquals(414, tooLong.status());
        assertEquals("the query string has 5002 characters (the limit is 4096)", tooLong.getMessage());
        assertEquals("parameter 'a\\x1B[31m' is given twice",
                assertThrows(BadRequest.class, () -> RequestParams.parse("a%1b[31m=1&a%1b[31m=2")).getMessage());
    }

    @Test
    void aQuestionBecomesTallyQueryOptionsAndNothingElse() throws Exception {
        Map<String, String> params = RequestParams.parse("month=2026-10&group-by=country&where=-x&subtotals=true&no-total=false&top=");
        assertEquals(List.of("--month=2026-10", "--group-by=country", "--where=-x", "--subtotals"), QueryArgs.options(params, Set.of()));
        assertEquals("unknown parameter 'snapshot'; a question takes month, quarter, year, from, to, group-by, measure, where, top, sort,"
                + " currency, subtotals, no-total",
                assertThrows(BadRequest.class, () -> QueryArgs.options(Map.of("snapshot", "/etc"), Set.of())).getMessage());
        assertEquals("parameter 'subtotals' is true or false, not 'maybe'",
                assertThrows(BadRequest.class, () -> QueryArgs.options(Map.of("subtotals", "maybe"), Set.of())).getMessage());
    }

    @Test
    void onLoopbackOnlyLoopbackNamesAreAnswered() throws Exception {
        HostCheck v4 = HostCheck.of(InetAddress.getByName("127.0.0.1"), 8780);
        assertDoesNotThrow(() -> v4.check("127.0.0.1:8780"));
        assertDoesNotThrow(() -> v4.check("LOCALHOST:8780"));
        assertEquals(421, assertThrows(BadRequest.class, () -> v4.check("rebound.example:8780")).status());
        assertThrows(BadRequest.class, () -> v4.check("127.0.0.1:1"));
        assertThrows(BadRequest.class, () -> v4.check(null));
        HostCheck v6 = HostCheck.of(InetAddress.getByName("::1"), 8780);
        assertDoesNotThrow(() -> v6.check("[0:0:0:0:0:0:0:1]:8780"));
        assertDoesNotThrow(() -> v6.check("[::1]:8780"));
        // another address: whoever reaches it may read the snapshot (the command warns), under any name
        assertDoesNotThrow(() -> HostCheck.of(InetAddress.getByName("192.0.2.7"), 8780).check("tally.example.org:8780"));
    }
}
