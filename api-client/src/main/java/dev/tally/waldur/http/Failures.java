package dev.tally.waldur.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.waldur.ApiToken;
import dev.tally.waldur.BadRequestException;
import dev.tally.waldur.ConflictException;
import dev.tally.waldur.ForbiddenException;
import dev.tally.waldur.InvalidResponseException;
import dev.tally.waldur.NoResponseException;
import dev.tally.waldur.NotFoundException;
import dev.tally.waldur.ServerErrorException;
import dev.tally.waldur.ThrottledException;
import dev.tally.waldur.UnauthorizedException;
import dev.tally.waldur.WaldurApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Every way one exchange of a {@link Transport} fails, as the typed {@link WaldurApiException} it becomes: the
 * status of an error response, a connection that failed or timed out, a body too large or not JSON. What the server
 * or the JDK said is kept, with the token redacted.
 */
final class Failures {
    private final ObjectMapper mapper;
    private final URI apiUrl;
    private final ApiToken token;
    private final Duration requestTimeout;

    Failures(ObjectMapper mapper, URI apiUrl, ApiToken token, Duration requestTimeout) {
        this.mapper = mapper;
        this.apiUrl = apiUrl;
        this.token = token;
        this.requestTimeout = requestTimeout;
    }

    /** Whether {@code e} is a body past the limit, which is never retried. */
    static boolean tooLarge(WaldurApiException e) {
        return e instanceof ResponseTooLarge;
    }

    /** A response with a status of 300 or more: a redirect not followed, or the error the status and body name. */
    WaldurApiException of(String method, URI url, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String path = url.getPath();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (status < 400) {
            String target = response.headers().firstValue("Location").map(Failures::origin).orElse("nowhere");
            return new WaldurApiException(method, path, status, "redirected to " + target
                    + "; not followed, so the token stays with " + apiUrl.getAuthority()
                    + " (use the final API URL)");
        }
        String detail = redact(ErrorBodies.describe(mapper, text));
        return switch (status) {
            case 400 -> new BadRequestException(method, path, detail, redactAll(ErrorBodies.fieldErrors(mapper, text)));
            case 401 -> new UnauthorizedException(method, path, detail);
            case 403 -> new ForbiddenException(method, path, detail);
            case 404 -> new NotFoundException(method, path, detail);
            case 409 -> new ConflictException(method, path, detail);
            case 429 -> response.headers().firstValue("Retry-After").isEmpty()
                    ? new ThrottledWithoutRetryAfter(method, path, detail)
                    : new ThrottledException(method, path, detail, RetryAfter.of(response));
            default -> status >= 500
                    ? new ServerErrorException(method, path, status, detail)
                    : new WaldurApiException(method, path, status, detail);
        };
    }

    /** No complete response within the request timeout (the body stalled, or never came). */
    NoResponseException incomplete(String method, URI url, TimeoutException e) {
        return new NoResponseException(method, url.getPath(), "no complete response within "
                + seconds(requestTimeout), true, e);
    }

    /** The exchange failed with {@code e} before a whole response came: a body past {@code limit}, or the connection. */
    WaldurApiException noResponse(String method, URI url, Throwable e, long limit) {
        BoundedBody.TooLarge tooLarge = cause(e, BoundedBody.TooLarge.class);
        if (tooLarge != null) {
            return new ResponseTooLarge(method, url.getPath(), tooLarge.status(), "the response from "
                    + redact(url.toString()) + " is larger than the limit of " + limit + " bytes");
        }
        return noResponse(method, url, e);
    }

    private NoResponseException noResponse(String method, URI url, Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new NoResponseException(method, url.getPath(), "connection to " + url.getRawAuthority()
                    + " timed out", false, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new NoResponseException(method, url.getPath(), "no response within " + seconds(requestTimeout), true, e);
        }
        if (hasCause(e, UnresolvedAddressException.class) || hasCause(e, UnknownHostException.class)) {
            return new NoResponseException(method, url.getPath(), "cannot resolve host " + url.getHost()
                    + " (check the URL)", false, e);
        }
        if (e instanceof ConnectException) {
            return new NoResponseException(method, url.getPath(), "connection refused by " + url.getRawAuthority()
                    + " (is the server running and the URL right?)", false, e);
        }
        return new NoResponseException(method, url.getPath(), "connection failed: " + redact(firstLine(e)), true, e);
    }

    /** A 2xx response whose body is not the JSON expected. */
    InvalidResponseException notJson(String method, URI url, HttpResponse<?> response, IOException badJson) {
        String type = response.headers().firstValue("Content-Type").orElse("no Content-Type");
        return new InvalidResponseException(method, url.getPath(), response.statusCode(),
                "the response is not valid JSON (" + type + ": " + redact(firstLine(badJson))
                        + "); is the URL the Waldur API root?");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    /** The first of {@code e} and its causes that is a {@code type}, or null. */
    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private Map<String, List<String>> redactAll(Map<String, List<String>> errors) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.put(k, v.stream().map(this::redact).toList()));
        return out;
    }

    private static String origin(String location) {
        try {
            URI u = URI.create(location.strip());
            return u.getHost() == null ? "a relative URL on the same host" : u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "an unreadable Location";
        }
    }

    private String redact(String text) {
        return token == null ? text : token.redact(text);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A body past the limit: the server's fault, and asking again would fetch the same bytes, so never retried. */
    private static final class ResponseTooLarge extends InvalidResponseException {
        private static final long serialVersionUID = 1L;

        ResponseTooLarge(String method, String path, int status, String detail) {
            super(method, path, status, detail);
        }
    }
}
