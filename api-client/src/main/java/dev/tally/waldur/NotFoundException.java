package dev.tally.waldur;

/** 404 Not Found: the object does not exist, is not visible to the caller, or the UUID is malformed. */
public class NotFoundException extends WaldurApiException {
    public NotFoundException(String method, String path, String detail) {
        super(method, path, 404, detail);
    }
}
