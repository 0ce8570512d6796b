package dev.tally.waldur;

/**
 * No HTTP response arrived: the host is unknown, the connection was refused, reset or timed out.
 * {@link #requestMayHaveArrived()} tells whether the server may have received (and executed) the request.
 */
public class NoResponseException extends WaldurApiException {
    private final boolean requestMayHaveArrived;

    public NoResponseException(String method, String path, String detail, boolean requestMayHaveArrived, Throwable cause) {
        super(method, path, 0, detail, cause);
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    /** False when the connection was never made (unknown host, refused, connect timeout). */
    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }
}
