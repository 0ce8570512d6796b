package dev.tally.core.input;

import java.util.List;

/** Everything the core needs from one Waldur snapshot. */
public record SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
        List<UsageInput> usages) {
    public SourceData {
        offerings = List.copyOf(offerings);
        resources = List.copyOf(resources);
        orders = List.copyOf(orders);
        usages = List.copyOf(usages);
    }
}
