package dev.tally.waldur;

/** 401 Unauthorized: the token is missing, invalid, expired or belongs to an inactive user. */
public class UnauthorizedException extends WaldurApiException {
    public UnauthorizedException(String method, String path, String detail) {
        super(method, path, 401, detail);
    }
}
