package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.waldur.http.Transport;
import dev.tally.waldur.model.DryRun;
import dev.tally.waldur.model.Uuids;
import java.net.URI;
import java.time.Duration;

/** An offering script's dry runs, synchronous and asynchronous ({@link WaldurClient} delegates here). */
final class DryRuns {
    private static final String DRY_RUN = "marketplace-script-dry-run/";
    private static final String ASYNC_DRY_RUN = "marketplace-script-async-dry-run/";

    private final WaldurClient client;
    private final ApiUrls urls;
    private final Transport transport;
    private final Poll poll;

    DryRuns(WaldurClient client, ApiUrls urls, Transport transport, Poll poll) {
        this.client = client;
        this.urls = urls;
        this.transport = transport;
        this.poll = poll;
    }

    /** See {@link WaldurClient#dryRun}. */
    String run(String offeringUuid, DryRunRequest request) {
        URI url = urls.action(DRY_RUN, offeringUuid, "run");
        JsonNode body = transport.send("POST", url, body(request), true).body();
        if (!body.has("output")) {
            throw new InvalidResponseException("POST", url.getPath(), 200, "expected {\"output\": …}, got " + shorten(body));
        }
        return body.get("output").asText();
    }

    /** See {@link WaldurClient#startDryRun}. */
    String start(String offeringUuid, DryRunRequest request) {
        URI url = urls.action(DRY_RUN, offeringUuid, "async_run");
        JsonNode body = transport.send("POST", url, body(request), true).body();
        String uuid = body.path("uuid").asText(null);
        if (uuid == null) {
            throw new InvalidResponseException("POST", url.getPath(), 202, "expected {\"uuid\": …}, got " + shorten(body));
        }
        return Uuids.normalise(uuid);
    }

    /** See {@link WaldurClient#dryRunStatus}. */
    DryRun status(String dryRunUuid) {
        return client.get(ASYNC_DRY_RUN, dryRunUuid, DryRun.class);
    }

    /** See {@link WaldurClient#awaitDryRun}. */
    DryRun await(String dryRunUuid, Duration timeout) {
        return poll.until(urls.detail(ASYNC_DRY_RUN, dryRunUuid), () -> status(dryRunUuid), DryRun::isFinished,
                r -> r.stateDisplay() == null ? "state " + r.state() : r.stateDisplay(), timeout);
    }

    private ObjectNode body(DryRunRequest request) {
        ObjectNode body = client.mapper().createObjectNode();
        body.put("type", request.type());
        if (request.planUuid() != null) {
            // the dry run's plan is a provider plan URL, /api/marketplace-plans/<uuid>/, not a public-offering one
            body.put("plan", urls.detail("marketplace-plans/", request.planUuid()).toString());
        }
        body.set("attributes", client.mapper().valueToTree(request.attributes()));
        return body;
    }

    private static String shorten(JsonNode node) {
        String s = node.toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
