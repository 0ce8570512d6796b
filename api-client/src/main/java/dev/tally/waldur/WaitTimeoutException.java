package dev.tally.waldur;

import java.time.Duration;

/** Polling an order or a dry run did not reach the wanted state before the deadline. */
public class WaitTimeoutException extends WaldurApiException {
    private final String lastState;

    public WaitTimeoutException(String path, Duration timeout, String lastState) {
        super("GET", path, 0, "still " + lastState + " after " + human(timeout) + "; it may finish later (check it again, "
                + "or wait longer with a bigger timeout)");
        this.lastState = lastState;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The state seen at the last poll, e.g. {@code pending-provider}. */
    public String lastState() {
        return lastState;
    }
}
