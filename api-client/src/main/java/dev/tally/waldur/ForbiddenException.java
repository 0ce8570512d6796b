package dev.tally.waldur;

/** 403 Forbidden: the object is visible but the caller may not perform this action on it. */
public class ForbiddenException extends WaldurApiException {
    public ForbiddenException(String method, String path, String detail) {
        super(method, path, 403, detail);
    }
}
