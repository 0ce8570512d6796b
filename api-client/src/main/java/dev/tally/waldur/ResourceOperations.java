package dev.tally.waldur;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tally.waldur.http.Transport;
import dev.tally.waldur.model.OptionsUpdate;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.ResourceUpdate;
import dev.tally.waldur.model.Uuids;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Changes to marketplace resources and their usage: rename, options, terminate, report usage ({@link WaldurClient} delegates here). */
final class ResourceOperations {
    private final WaldurClient client;
    private final ApiUrls urls;
    private final Transport transport;
    private final SafeWrite writes;

    ResourceOperations(WaldurClient client, ApiUrls urls, Transport transport, SafeWrite writes) {
        this.client = client;
        this.urls = urls;
        this.transport = transport;
        this.writes = writes;
    }

    /** See {@link WaldurClient#updateResource}. */
    ResourceUpdate update(String uuid, ResourceUpdate update) {
        JsonNode body = client.mapper().valueToTree(update);
        String method = update.name() != null ? "PUT" : "PATCH";
        return client.convert(transport.send(method, urls.detail(WaldurCollection.RESOURCES.path(), uuid), body, true).body(),
                ResourceUpdate.class);
    }

    /** See {@link WaldurClient#updateOptions}. */
    OptionsUpdate updateOptions(String uuid, Map<String, ?> options) {
        ObjectMapper mapper = client.mapper();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode wanted = mapper.valueToTree(options);
        body.set("options", wanted);
        URI url = urls.action(WaldurCollection.RESOURCES.path(), uuid, "update_options");
        return writes.send("POST", url, body, r -> client.convert(r.body(), OptionsUpdate.class), () -> {
            JsonNode current = client.resource(uuid).options();
            Iterator<Map.Entry<String, JsonNode>> it = wanted.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (current == null || !e.getValue().equals(current.get(e.getKey()))) {
                    return Optional.empty();
                }
            }
            return Optional.of(new OptionsUpdate("Resource options are submitted", null));
        });
    }

    /** See {@link WaldurClient#terminateResource}. */
    String terminate(String uuid, Map<String, ?> attributes) {
        ObjectNode body = client.mapper().createObjectNode();
        body.set("attributes", client.mapper().valueToTree(attributes == null ? Map.of() : attributes));
        Query terminations = Query.of("resource_uuid", Uuids.normalise(ApiUrls.requireUuid(uuid))).and("type", "Terminate");
        Set<String> before = new HashSet<>();
        client.orders(terminations).forEach(o -> before.add(o.uuid()));
        URI url = urls.action(WaldurCollection.RESOURCES.path(), uuid, "terminate");
        return writes.send("POST", url, body, r -> orderUuid(r.body(), url), () -> client.orders(terminations).stream()
                .map(Order::uuid)
                .filter(u -> !before.contains(u))
                .findFirst());
    }

    private static String orderUuid(JsonNode body, URI url) {
        String u = body.path("order_uuid").asText(null);
        if (u == null) {
            throw new InvalidResponseException("POST", url.getPath(), 200, "expected {\"order_uuid\": …}, got " + body);
        }
        return Uuids.normalise(u);
    }

    /** See {@link WaldurClient#setUsage}. */
    void setUsage(String resourceUuid, List<UsageReport> usages, LocalDate date) {
        ObjectNode body = client.mapper().createObjectNode();
        body.put("resource", Uuids.normalise(ApiUrls.requireUuid(resourceUuid)));
        ArrayNode list = body.putArray("usages");
        for (UsageReport u : usages) {
            ObjectNode item = list.addObject();
            item.put("type", u.type());
            item.put("amount", u.amount().toPlainString());
            if (u.description() != null) {
                item.put("description", u.description());
            }
        }
        if (date != null) {
            body.put("date", date.toString());
        }
        transport.send("POST", urls.collection(WaldurCollection.COMPONENT_USAGES.path() + "set_usage/"), body, true);
    }
}
