package dev.tally.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.tally.emulator.fault.Fault;
import dev.tally.emulator.fault.FaultPlan;
import dev.tally.emulator.fault.RateLimiter;
import dev.tally.emulator.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serializes responses, applying HEAD (headers only), the injected fault and the optional rate limiter. */
public final class ResponseWriter {
    /** Long enough to be observable, short enough to keep test suites fast. */
    static final long SLOW_MILLIS = 50;

    private volatile Faults current;

    public ResponseWriter(FaultPlan faults) {
        setFaults(faults);
    }

    /** The plan and its limiter, swapped together so a request sees one consistent pair. */
    private record Faults(FaultPlan plan, RateLimiter limiter) {
    }

    /** Replaces the fault plan for every later request; requests already running keep the one they drew. */
    public void setFaults(FaultPlan faults) {
        current = new Faults(faults, faults.rateLimit() > 0 ? new RateLimiter(faults.rateLimit()) : null);
    }

    /**
     * The fault for one request and what the rate limiter left ({@code -1} exhausted, {@code -2} no limiter).
     * It carries the plan and limiter that drew it, so a concurrent {@link #setFaults} cannot mix two plans.
     */
    record Decision(Fault fault, int remaining, FaultPlan plan, RateLimiter limiter) {
    }

    /** Decides the fault before the request runs, so a 429 or 5xx never executes a write. */
    Decision decide() {
        Faults faults = current;
        int remaining = faults.limiter() == null ? -2 : faults.limiter().acquire();
        return new Decision(faults.plan().next(), remaining, faults.plan(), faults.limiter());
    }

    /** A response that replaces the real one, or null when the request should run. */
    Response preempt(Decision decision) {
        if (decision.remaining() == -1) {
            return throttled(decision.plan());
        }
        return switch (decision.fault()) {
            case THROTTLE -> throttled(decision.plan());
            case SERVER_ERROR -> {
                int status = decision.plan().serverErrorStatus();
                ObjectNode body = Json.NODES.objectNode();
                body.put("detail", status == 500 ? "A server error occurred." : "Bad gateway or service unavailable.");
                yield Response.json(status, body);
            }
            default -> null;
        };
    }

    /** DRF's throttled answer; {@code retry-after:none} in the fault spec leaves the header (and the hint) out. */
    private static Response throttled(FaultPlan plan) {
        int seconds = plan.retryAfterSeconds();
        ObjectNode body = Json.NODES.objectNode();
        if (seconds == FaultPlan.NO_RETRY_AFTER) {
            body.put("detail", "Request was throttled.");
            return Response.json(429, body);
        }
        body.put("detail", "Request was throttled. Expected available in " + seconds
                + (seconds == 1 ? " second." : " seconds."));
        return Response.json(429, body).header("Retry-After", Integer.toString(seconds));
    }

    void write(HttpExchange exchange, String method, Response response, Decision decision) throws IOException {
        Fault fault = decision.fault();
        boolean reset = false;
        try {
            byte[] bytes = response.encoded() != null ? response.encoded()
                    : response.body() == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(response.body());
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("Access-Control-Expose-Headers", "Link, X-Result-Count");
            headers.set("Vary", "Accept-Language, Cookie");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                headers.set(header.getKey(), header.getValue());
            }
            RateLimiter limiter = decision.limiter();
            if (limiter != null && !headers.containsKey("x-rate-limit-limit")) {
                headers.set("x-rate-limit-limit", Integer.toString(limiter.limit()));
                headers.set("x-rate-limit-remaining", Integer.toString(Math.max(0, decision.remaining())));
            }
            if (fault == Fault.SLOW) {
                sleep();
            }
            boolean head = method.equals("HEAD");
            if (head || bytes.length == 0) {
                // -1: no body. HEAD keeps the GET headers (X-Result-Count, Link) and sends no body.
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            switch (fault) {
                case RESET -> {
                    exchange.sendResponseHeaders(response.status(), bytes.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(bytes, 0, bytes.length / 2);
                    out.flush();
                    // Escaping the handler with an exception makes the JDK server close the connection mid-body;
                    // closing the exchange instead would leave the client waiting for the missing bytes.
                    reset = true;
                    throw new IOException("injected connection reset");
                }
                case TRUNCATE -> {
                    exchange.sendResponseHeaders(response.status(), 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes, 0, Math.max(1, bytes.length / 2));
                    }
                }
                default -> {
                    exchange.sendResponseHeaders(response.status(), bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            byte[] bytes = ("{\"detail\": \"" + e.getOriginalMessage() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            if (!reset) {
                exchange.close();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
