package dev.tally.waldur.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into one array of at most {@code limit} bytes. A declared
 * {@code Content-Length} above the limit fails before any byte is read; a body that grows past it
 * (chunked, or longer than declared) is cancelled as soon as it does, so memory stays bounded.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body passed the limit; {@code status} is the response's. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        TooLarge(int status) {
            super("response body larger than the limit");
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final long limit;
    private final int status;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long received;
    private Flow.Subscription subscription;

    BoundedBody(long limit, HttpResponse.ResponseInfo info) {
        this.limit = limit;
        this.status = info.statusCode();
        this.declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            fail();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            received += b.remaining();
            if (received > limit) {
                fail();
                return;
            }
            parts.add(b);
        }
    }

    private void fail() {
        subscription.cancel();
        parts.clear();
        result.completeExceptionally(new TooLarge(status));
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] bytes = new byte[(int) received];
        int at = 0;
        for (ByteBuffer b : parts) {
            int n = b.remaining();
            b.get(bytes, at, n);
            at += n;
        }
        parts.clear();
        result.complete(bytes);
    }
}
