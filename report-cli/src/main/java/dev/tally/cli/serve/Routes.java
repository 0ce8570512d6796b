package dev.tally.cli.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's one handler: checks a request against the bounds (method, size, host), sends it to its
 * page or endpoint, and turns every refusal or failure into a one-line message, never a stack trace
 * (docs/serve.md, "Endpoints").
 */
final class Routes implements HttpHandler {
    static final int MAX_PATH_LENGTH = 256;
    private static final String FAILED = "unexpected internal error; the server is still running";
    private static final String CSV = "text/csv; charset=utf-8";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final QueryRunner query;
    private final Catalogue catalogue;
    private final PageAssets assets;
    private final HostCheck hosts;

    Routes(QueryRunner query, Catalogue catalogue, PageAssets assets, HostCheck hosts) {
        this.query = query;
        this.catalogue = catalogue;
        this.assets = assets;
        this.hosts = hosts;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        boolean api = path != null && path.startsWith("/api/");
        try {
            check(ex, path);
            route(ex, path, RequestParams.parse(ex.getRequestURI().getRawQuery()));
        } catch (BadRequest e) {
            refuse(ex, e.status(), e.getMessage(), api);
        } catch (RuntimeException | IOException e) {
            // A failed request is answered and forgotten; the next one is served as usual.
            refuse(ex, 500, FAILED, api);
        } finally {
            ex.close();
        }
    }

    /** The one-line error, unless the connection has gone (the client left, or the answer had already begun). */
    private static void refuse(HttpExchange ex, int status, String message, boolean api) {
        try {
            Reply.error(ex, status, message, api);
        } catch (IOException | RuntimeException gone) {
            // nothing more can be said on this connection
        }
    }

    private void check(HttpExchange ex, String path) throws BadRequest {
        String method = ex.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            throw new BadRequest(405, "method " + Reply.inert(method) + " is not allowed; this server only reads (GET)");
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if ((length != null && !length.strip().equals("0")) || ex.getRequestHeaders().containsKey("Transfer-Encoding")) {
            throw new BadRequest(413, "a request to this server has no body");
        }
        hosts.check(ex.getRequestHeaders().getFirst("Host"));
        if (path == null || path.length() > MAX_PATH_LENGTH) {
            throw new BadRequest(414, "the path is longer than " + MAX_PATH_LENGTH + " characters");
        }
    }

    private void route(HttpExchange ex, String path, Map<String, String> params) throws BadRequest, IOException {
        PageAssets.Asset asset = assets.at(path);
        if (asset != null) {
            Reply.send(ex, 200, asset.type(), asset.bytes());
            return;
        }
        switch (path) {
            case "/api/meta" -> Reply.json(ex, catalogue.meta());
            case "/api/values" -> Reply.json(ex, catalogue.values(only(params, "dimension")));
            case "/api/answer" -> Reply.send(ex, 200, Reply.JSON, query.json(QueryArgs.options(params, Set.of())));
            case "/api/question" -> Reply.json(ex, Map.of("lines", query.questionLines(QueryArgs.options(params, Set.of()))));
            case "/api/download" -> download(ex, params);
            default -> throw new BadRequest(404, "no such page: " + Reply.inert(path));
        }
    }

    /** {@code format=csv} or {@code format=xlsx}, through the renderers {@code tally query} uses. */
    private void download(HttpExchange ex, Map<String, String> params) throws BadRequest, IOException {
        String format = params.getOrDefault("format", "");
        List<String> question = QueryArgs.options(params, Set.of("format"));
        switch (format) {
            case "csv" -> Reply.download(ex, CSV, "tally-query.csv", query.csv(question));
            case "xlsx" -> Reply.download(ex, XLSX, "tally-query.xlsx", query.xlsx(question));
            default -> throw new BadRequest(400, "format '" + Reply.inert(format) + "' cannot be downloaded; use csv or xlsx");
        }
    }

    /** The one parameter an endpoint takes. */
    private static String only(Map<String, String> params, String name) throws BadRequest {
        for (String p : params.keySet()) {
            if (!p.equals(name)) {
                throw new BadRequest(400, "unknown parameter '" + Reply.inert(p) + "'; this endpoint takes " + name);
            }
        }
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            throw new BadRequest(400, "parameter '" + name + "' is missing");
        }
        return v;
    }
}
