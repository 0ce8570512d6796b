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
    TRUNCATE,
    /*
     * The four below shape a page of a list (docs/emulator.md, "Faults"); any other response is answered normally.
     */
    /** {@code X-Result-Count} one more or one fewer than the list holds, as if an object came or went meanwhile. */
    COUNT,
    /** The {@code next} link points back: to the page before, or from the first page to itself. */
    LOOP,
    /**
     * No {@code X-Result-Count}, and the last page links a next one; while the plan holds this kind, a page past
     * the end is an empty page that links on, so a client that follows the links never reaches an end.
     */
    ENDLESS,
    /** A page after the first holds the objects of the page before it, as many as it should have itself. */
    REPEAT
}
