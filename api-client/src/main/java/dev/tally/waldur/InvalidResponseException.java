package dev.tally.waldur;

/**
 * A response that is not what the Waldur API sends: a body that is not JSON (a cut connection, an
 * HTML error page from a proxy, a wrong URL) or JSON of the wrong shape.
 */
public class InvalidResponseException extends WaldurApiException {
    public InvalidResponseException(String method, String path, int status, String detail) {
        super(method, path, status, detail);
    }
}
