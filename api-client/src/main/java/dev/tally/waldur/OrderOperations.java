package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.Uuids;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Marketplace orders: create one without ordering twice, review it, wait for it ({@link WaldurClient} delegates here). */
final class OrderOperations {
    private final WaldurClient client;
    private final ApiUrls urls;
    private final SafeWrite writes;
    private final Poll poll;

    OrderOperations(WaldurClient client, ApiUrls urls, SafeWrite writes, Poll poll) {
        this.client = client;
        this.urls = urls;
        this.writes = writes;
        this.poll = poll;
    }

    /** See {@link WaldurClient#createOrder}. */
    Order create(OrderRequest request) {
        ObjectMapper mapper = client.mapper();
        ObjectNode body = mapper.createObjectNode();
        // Waldur validates the routes: the offering must be a public-offering URL and the plan a
        // public-offering plan URL (docs/waldur.md, Conventions); the objects' own `url` fields may point elsewhere.
        body.put("project", urls.detail(WaldurCollection.PROJECTS.path(), request.projectUuid()).toString());
        body.put("offering", urls.detail(WaldurCollection.OFFERINGS.path(), request.offeringUuid()).toString());
        if (request.planUuid() != null) {
            body.put("plan", urls.plan(request.offeringUuid(), request.planUuid()).toString());
        }
        body.set("limits", mapper.valueToTree(request.limits()));
        body.set("attributes", mapper.valueToTree(request.attributes()));
        Query sameTarget = Query.of("project_uuid", Uuids.normalise(request.projectUuid()))
                .and("offering_uuid", Uuids.normalise(request.offeringUuid()))
                .and("type", "Create");
        Set<String> before = new HashSet<>();
        client.forEachRaw(WaldurCollection.ORDERS.path(), sameTarget.and("field", "uuid"), ListListener.NONE,
                n -> before.add(Uuids.normalise(n.path("uuid").asText())));
        URI url = urls.collection(WaldurCollection.ORDERS.path());
        return writes.send("POST", url, body, r -> client.convert(r.body(), Order.class), () -> client.orders(sameTarget).stream()
                .filter(o -> !before.contains(o.uuid()))
                .filter(o -> sameOrder(o, body))
                .max(Comparator.comparing(Order::created, Comparator.nullsFirst(Comparator.naturalOrder()))));
    }

    /** Whether {@code order} is what {@code body} asked for: the same limits, plan and attributes. */
    private boolean sameOrder(Order order, ObjectNode body) {
        JsonNode sentLimits = body.get("limits");
        Map<String, BigDecimal> limits = order.limits();
        if (limits.size() != sentLimits.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = sentLimits.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            BigDecimal got = limits.get(e.getKey());
            if (got == null || got.compareTo(e.getValue().decimalValue()) != 0) {
                return false;
            }
        }
        String plan = body.path("plan").asText(null);
        if (plan != null && !plan.contains(String.valueOf(order.planUuid()))) {
            return false;
        }
        JsonNode attributes = order.attributes() == null ? client.mapper().createObjectNode() : order.attributes();
        Iterator<Map.Entry<String, JsonNode>> sent = body.get("attributes").fields();
        while (sent.hasNext()) {
            Map.Entry<String, JsonNode> e = sent.next();
            if (!e.getValue().equals(attributes.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** See {@link WaldurClient#approveOrder}. */
    Order approve(String uuid, Reviewer reviewer) {
        return review(uuid, "approve_" + reviewer.suffix(), reviewer, client.mapper().createObjectNode());
    }

    /** See {@link WaldurClient#rejectOrder}. */
    Order reject(String uuid, Reviewer reviewer, String comment) {
        ObjectNode body = client.mapper().createObjectNode();
        if (comment != null) {
            body.put(reviewer == Reviewer.CONSUMER ? "consumer_rejection_comment" : "provider_rejection_comment", comment);
        }
        return review(uuid, "reject_" + reviewer.suffix(), reviewer, body);
    }

    private Order review(String uuid, String action, Reviewer reviewer, ObjectNode body) {
        OrderState pending = reviewer == Reviewer.CONSUMER ? OrderState.PENDING_CONSUMER : OrderState.PENDING_PROVIDER;
        URI url = urls.action(WaldurCollection.ORDERS.path(), uuid, action);
        writes.send("POST", url, body, r -> Boolean.TRUE, () -> {
            Order now = client.order(uuid);
            return now.state() == pending ? Optional.empty() : Optional.of(Boolean.TRUE);
        });
        return client.order(uuid);
    }

    /** See {@link WaldurClient#awaitOrder}. */
    Order await(String uuid, OrderWait until, Duration timeout) {
        return poll.until(urls.detail(WaldurCollection.ORDERS.path(), uuid), () -> client.order(uuid), until::reached,
                o -> o.state() == null ? "unknown" : o.state().wire(), timeout);
    }
}
