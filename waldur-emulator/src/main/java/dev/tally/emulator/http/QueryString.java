package dev.tally.emulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A decoded query string that keeps repeated parameters, and DRF's way of re-encoding one. */
final class QueryString {
    private final Map<String, List<String>> params;

    private QueryString(Map<String, List<String>> params) {
        this.params = params;
    }

    static QueryString parse(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("[&;]")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryString(params);
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    /** The last value, as Django's {@code QueryDict.__getitem__} returns it; null if absent. */
    String last(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    /**
     * DRF's {@code replace_query_param}/{@code remove_query_param}: parse, set or drop one key, then
     * {@code urlencode(sorted(items), doseq=True)}, so the result is sorted by key.
     *
     * @param value the new value, or null to remove the key
     */
    String with(String key, String value) {
        Map<String, List<String>> sorted = new TreeMap<>(params);
        if (value == null) {
            sorted.remove(key);
        } else {
            sorted.put(key, List.of(value));
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> entry : sorted.entrySet()) {
            for (String v : entry.getValue()) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(quotePlus(entry.getKey())).append('=').append(quotePlus(v));
            }
        }
        return out.toString();
    }

    /** Python's {@code urllib.parse.quote_plus}: unreserved characters kept, space as '+', the rest %XX of UTF-8. */
    static String quotePlus(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
