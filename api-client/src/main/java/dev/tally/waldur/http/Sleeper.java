package dev.tally.waldur.http;

import java.time.Duration;

/**
 * Waits between retries and polls. The client never reads the wall clock to wait, so a test can
 * record the waits it asked for (a 429's {@code Retry-After}, a backoff) instead of timing them.
 */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps; the default. */
    Sleeper REAL = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
