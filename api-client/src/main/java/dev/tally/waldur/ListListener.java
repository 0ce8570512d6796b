package dev.tally.waldur;

/** Told after each page of a list arrives, for progress displays. */
@FunctionalInterface
public interface ListListener {
    ListListener NONE = (fetched, total) -> { };

    /**
     * @param fetched objects received so far
     * @param total the server's {@code X-Result-Count}, or -1 when it sent none
     */
    void onPage(long fetched, long total);
}
