package dev.tally.waldur.snapshot;

import dev.tally.waldur.model.Resource;
import dev.tally.waldur.model.ResourceOptions;
import dev.tally.waldur.model.ResourceState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The fields of a {@link Resource} that reporting reads ({@link Snapshot#forEachResourceSummary}). */
public record ResourceSummary(String uuid, String name, ResourceState state, String projectUuid, String projectName,
        String customerUuid, String customerName, String offeringUuid, String offeringName, String planUuid,
        Map<String, BigDecimal> limits, ResourceOptions options, Instant created) {
    public ResourceSummary {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        options = options == null ? ResourceOptions.NONE : options;
    }

    /** The summary of a typed resource. */
    public static ResourceSummary of(Resource r) {
        return new ResourceSummary(r.uuid(), r.name(), r.state(), r.projectUuid(), r.projectName(), r.customerUuid(),
                r.customerName(), r.offeringUuid(), r.offeringName(), r.planUuid(), r.limits(), r.lumiOptions(), r.created());
    }
}
