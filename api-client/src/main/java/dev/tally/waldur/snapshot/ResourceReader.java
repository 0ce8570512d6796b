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
final class ResourceReader extends SummaryReader<ResourceSummary> {
    private String uuid;
    private String name;
    private ResourceState state;
    private Map<String, BigDecimal> limits;
    private String plan;
    private String offering;
    private String offeringName;
    private String project;
    private String projectName;
    private String customer;
    private String customerName;
    private JsonNode options;
    private Instant created;

    /** A reader passing each resource to {@code out}. */
    ResourceReader(Consumer<? super ResourceSummary> out) {
        super(out);
    }

    @Override
    void clear() {
        uuid = null;
        name = null;
        state = null;
        limits = null;
        plan = null;
        offering = null;
        offeringName = null;
        project = null;
        projectName = null;
        customer = null;
        customerName = null;
        options = null;
        created = null;
    }

    @Override
    boolean field(String field, JsonParser p, JsonToken value) throws IOException {
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
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    ResourceSummary summary() {
        return new ResourceSummary(uuid, name, state, project, projectName, customer, customerName, offering,
                offeringName, plan, limits, ResourceOptions.of(options), created);
    }
}
