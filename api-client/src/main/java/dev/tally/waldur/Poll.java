package dev.tally.waldur;

import dev.tally.waldur.http.Deadline;
import dev.tally.waldur.http.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one poll loop: look at an object at a fixed interval until it is where the caller wants it,
 * or fail with a {@link WaitTimeoutException} naming the last state seen once the next look would
 * come after the deadline. Orders and dry runs both wait this way (docs/waldur.md, Orders and Dry runs).
 */
final class Poll {
    private final Transport transport;
    private final Duration interval;

    Poll(Transport transport, Duration interval) {
        this.transport = transport;
        this.interval = interval;
    }

    /** Looks at {@code url} with {@code look} until {@code done}; {@code state} names a state for the timeout message. */
    <T> T until(URI url, Supplier<T> look, Predicate<? super T> done, Function<? super T, String> state, Duration timeout) {
        Deadline deadline = Deadline.after(timeout);
        while (true) {
            T now = look.get();
            if (done.test(now)) {
                return now;
            }
            if (!deadline.allows(interval)) {
                throw new WaitTimeoutException(url.getPath(), timeout, state.apply(now));
            }
            transport.sleep(interval, "GET", url);
        }
    }
}
