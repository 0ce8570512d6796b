package dev.tally.emulator.fault;

/** What happens to one response. */
public enum Fault {
    /** Answer normally. */
    NONE,
    /** 429 with {@code Retry-After: 1} and DRF's throttled body; the request is not executed. */
    THROTTLE,
    /** 500, 502 or 503; the request is not executed. */
    SERVER_ERROR,
    /** Full Content-Length announced, part of the body sent, then the connection is closed. */
    RESET,
    /** Answer normally after a short delay. */
    SLOW,
    /** A chunked 200 whose JSON body is cut in the middle; HTTP-wise complete, JSON-wise broken. */
    TRUNCATE
}
