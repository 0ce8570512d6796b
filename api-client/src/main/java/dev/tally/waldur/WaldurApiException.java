package dev.tally.waldur;

/**
 * A failed Waldur call: the method, the path (without query string, so no token can leak through
 * {@code ?x-auth-token=}), the HTTP status (0 when no response arrived) and the server's message.
 */
public class WaldurApiException extends RuntimeException {
    private final String method;
    private final String path;
    private final int status;
    private final String detail;

    public WaldurApiException(String method, String path, int status, String detail, Throwable cause) {
        super(format(method, path, status, detail), cause);
        this.method = method;
        this.path = path;
        this.status = status;
        this.detail = detail;
    }

    public WaldurApiException(String method, String path, int status, String detail) {
        this(method, path, status, detail, null);
    }

    private static String format(String method, String path, int status, String detail) {
        String where = method + " " + path;
        return status == 0 ? where + ": " + detail : where + " returned HTTP " + status + ": " + detail;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when the request failed before a response (refused, reset, timeout). */
    public int status() {
        return status;
    }

    /** The server's message as Waldur sent it ({@code detail}, a field map or a bare list, flattened). */
    public String detail() {
        return detail;
    }
}
