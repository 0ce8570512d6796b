package dev.tally.cli.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.tally.cli.render.InertText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes one response: the bytes, their type, and the headers that keep a page to its own server. */
final class Reply {
    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Echoed request text is cut to this many characters in a message. */
    private static final int ECHO_LIMIT = 80;

    private Reply() {
    }

    /** Sends {@code body} with {@code status}; a HEAD request gets the headers only. */
    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        // Nothing from anywhere else: no scripts, styles, images or fonts from the internet, no framing.
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    /** A file to save: {@code name} is the suggested file name. */
    static void download(HttpExchange ex, String type, String name, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        send(ex, 200, type, body);
    }

    /** A value as JSON. */
    static void json(HttpExchange ex, Object value) throws IOException {
        send(ex, 200, JSON, toJson(value));
    }

    /**
     * The one-line {@code message}: {@code {"error": "..."}} for the page's requests, a one-line HTML
     * page for anything a person opens directly.
     */
    static void error(HttpExchange ex, int status, String message, boolean api) throws IOException {
        if (api) {
            send(ex, status, JSON, toJson(Map.of("error", message)));
            return;
        }
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tally explorer</title></head>"
                + "<body><p class=\"error\">" + escapeHtml(message) + "</p><p><a href=\"/\">Tally explorer</a></p></body></html>\n";
        send(ex, status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** Request text to quote in a message: inert (control characters escaped) and cut to a few words. */
    static String inert(String text) {
        String cut = text.length() > ECHO_LIMIT ? text.substring(0, ECHO_LIMIT) + "…" : text;
        return InertText.escape(cut);
    }

    private static byte[] toJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
