package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.waldur.http.Deadline;
import dev.tally.waldur.http.RetryPolicy;
import dev.tally.waldur.http.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A non-idempotent write, sent once per attempt. After a failure the request may have executed
 * (anything but a 429 or a connection that was never made), so the caller's {@code recover} looks for
 * its effect first; only if it finds none is the request sent again, within the retry policy's limits.
 * Reads and idempotent writes are retried by {@link Transport#send} instead.
 */
final class SafeWrite {
    private final Transport transport;
    private final RetryPolicy policy;

    SafeWrite(Transport transport, RetryPolicy policy) {
        this.transport = transport;
        this.policy = policy;
    }

    /** What {@code read} makes of the answer, or what {@code recover} found of a lost request's effect. */
    <T> T send(String method, URI url, JsonNode body, Function<Transport.JsonResponse, T> read, Supplier<Optional<T>> recover) {
        Deadline deadline = Deadline.after(policy.deadline());
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        for (int attempt = 1; ; attempt++) {
            WaldurApiException failure;
            try {
                return read.apply(transport.once(method, url, body));
            } catch (WaldurApiException e) {
                failure = e;
            }
            Duration wait = transport.retryDelay(failure, attempt, random);
            if (wait == null) {
                throw failure;
            }
            boolean mayHaveHappened = !(failure instanceof ThrottledException)
                    && !(failure instanceof NoResponseException nr && !nr.requestMayHaveArrived());
            if (mayHaveHappened) {
                Optional<T> found = recover.get();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (attempt >= policy.maxAttempts() || !deadline.allows(wait)) {
                throw failure;
            }
            transport.sleep(wait, method, url);
        }
    }
}
