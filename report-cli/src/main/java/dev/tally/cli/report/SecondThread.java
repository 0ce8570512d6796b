package dev.tally.cli.report;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A piece of work on a daemon thread of its own beside the caller's, whose result or failure the caller takes as if it
 * had done the work itself: an {@link IOException}, a runtime exception or an error comes out as it was thrown.
 *
 * @param <T> the result's type
 */
final class SecondThread<T> {
    /** The work: may throw what writing a file throws. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private SecondThread() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    static <T> SecondThread<T> start(String name, Work<T> work) {
        SecondThread<T> second = new SecondThread<>();
        Thread thread = new Thread(() -> {
            try {
                second.result.complete(work.run());
            } catch (Throwable e) {
                second.result.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return second;
    }

    /** Waits until the work has finished or failed, without throwing its failure (for a {@code finally}). */
    void awaitQuietly() {
        try {
            result.join();
        } catch (CompletionException e) {
            // reported by result(), or superseded by the exception the caller is already throwing
        }
    }

    /** The work's result, waiting for it; its failure is thrown as it was thrown. */
    T result() throws IOException {
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
