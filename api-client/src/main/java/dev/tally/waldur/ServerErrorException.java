package dev.tally.waldur;

/** A 5xx answer: the server (or a proxy in front of it) failed. A write may or may not have happened. */
public class ServerErrorException extends WaldurApiException {
    public ServerErrorException(String method, String path, int status, String detail) {
        super(method, path, status, detail);
    }
}
