package dev.tally.cli.serve;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a query string ({@code a=1&b=x%20y}), decoded as UTF-8 form data within fixed
 * bounds, so an oversized or malformed URL costs nothing and gets one line saying what is wrong.
 */
final class RequestParams {
    /** Longer than any question the page builds (a filter is at most a few hundred characters). */
    static final int MAX_QUERY_LENGTH = 4096;
    static final int MAX_PARAMS = 32;

    private RequestParams() {
    }

    /** The parameters of {@code raw} (the URL's raw query, or null), in order; a repeated name is refused. */
    static Map<String, String> parse(String raw) throws BadRequest {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        if (raw.length() > MAX_QUERY_LENGTH) {
            throw new BadRequest(414, "the query string has " + raw.length() + " characters (the limit is " + MAX_QUERY_LENGTH + ")");
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (out.size() == MAX_PARAMS) {
                throw new BadRequest(400, "more than " + MAX_PARAMS + " parameters in the query string");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.putIfAbsent(name, value) != null) {
                throw new BadRequest(400, "parameter '" + Reply.inert(name) + "' is given twice");
            }
        }
        return out;
    }

    /** Percent-decoding with {@code +} as a space; a bad escape or invalid UTF-8 is refused, not replaced. */
    private static String decode(String s) throws BadRequest {
        byte[] bytes = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw new BadRequest(400, "malformed query string: a '%' not followed by two hex digits");
                }
                bytes[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c > 0x7f) {
                throw new BadRequest(400, "malformed query string: a character that is not percent-encoded");
            } else {
                bytes[n++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest(400, "malformed query string: not valid UTF-8");
        }
    }
}
