package dev.tally.waldur.http;

import java.time.Duration;

/**
 * A point a given duration from now on the monotonic clock ({@link System#nanoTime}), for retry and
 * poll budgets. Not the wall clock: a budget is elapsed time, which a clock step (NTP, a suspended
 * laptop) must not stretch or cut, and it never reaches any output.
 */
public final class Deadline {
    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** The deadline {@code budget} from now. */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** Whether waiting {@code wait} from now still ends before the deadline. */
    public boolean allows(Duration wait) {
        return System.nanoTime() + wait.toNanos() - deadlineNanos < 0;
    }
}
