package dev.tally.cli.serve;

/**
 * A request the server refuses, with its HTTP status and the one-line message the page shows (for a
 * question, the message {@code tally query} gives for the same input).
 */
final class BadRequest extends Exception {
    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
