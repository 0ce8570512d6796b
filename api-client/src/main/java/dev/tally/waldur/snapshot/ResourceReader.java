package dev.tally.waldur.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceOptions;
import dev.tally.waldur.model.ResourceState;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads resource objects straight from the snapshot's parser into {@link ResourceSummary}s: only
 * the fields reporting needs, each read as the typed {@link Resource} record reads it (see
 * {@link JsonFields}). The result is the same as {@link ResourceSummary#of(Resource)} of the typed record.
 */
final class ResourceReader implements ObjectParser {
    private final Consumer<? super ResourceSummary> out;
    // one copy of each UUID and name: a hundred thousand resources repeat a few thousand of them
    private final StringPool strings = new StringPool();

    /** A reader passing each resource to {@code out}. */
    ResourceReader(Consumer<? super ResourceSummary> out) {
        this.out = out;
    }

    @Override
    public void read(JsonParser p) throws IOException {
        String uuid = null;
        String name = null;
        ResourceState state = null;
        Map<String, BigDecimal> limits = null;
        String plan = null;
        String offering = null;
        String offeringName = null;
        String project = null;
        String projectName = null;
        String customer = null;
        String customerName = null;
        JsonNode options = null;
        Instant created = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "uuid" -> uuid = strings.shared(JsonFields.uuid(p, value));
                case "name" -> name = JsonFields.text(p, value);
                case "state" -> state = p.readValueAs(ResourceState.class);
                case "limits" -> limits = JsonFields.decimals(p, value);
                case "plan_uuid" -> plan = strings.shared(JsonFields.uuid(p, value));
                case "offering_uuid" -> offering = strings.shared(JsonFields.uuid(p, value));
                case "offering_name" -> offeringName = strings.shared(JsonFields.text(p, value));
                case "project_uuid" -> project = strings.shared(JsonFields.uuid(p, value));
                case "project_name" -> projectName = strings.shared(JsonFields.text(p, value));
                case "customer_uuid" -> customer = strings.shared(JsonFields.uuid(p, value));
                case "customer_name" -> customerName = strings.shared(JsonFields.text(p, value));
                case "options" -> options = p.readValueAs(JsonNode.class);
                case "created" -> created = JsonFields.instant(p, value);
                default -> p.skipChildren();
            }
        }
        out.accept(new ResourceSummary(uuid, name, state, project, projectName, customer, customerName, offering,
                offeringName, plan, limits, ResourceOptions.of(options), created));
    }
}
