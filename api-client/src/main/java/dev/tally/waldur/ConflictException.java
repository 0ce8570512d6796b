package dev.tally.waldur;

/** 409 Conflict: the object is in the wrong state for the action, e.g. approving an order that is not pending. */
public class ConflictException extends WaldurApiException {
    public ConflictException(String method, String path, String detail) {
        super(method, path, 409, detail);
    }
}
