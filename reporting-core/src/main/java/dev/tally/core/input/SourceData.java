package dev.tally.core.input;

import java.util.List;
import java.util.Objects;

/**
 * Everything the core needs from one Waldur snapshot. Usages, by far the largest part (millions of
 * reports at scale), come as a column-wise {@link UsageTable}.
 */
public record SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
        UsageTable usages) {
    public SourceData {
        offerings = List.copyOf(offerings);
        resources = List.copyOf(resources);
        orders = List.copyOf(orders);
        Objects.requireNonNull(usages, "usages");
    }

    /** The same, with the usages as records. */
    public SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
            List<UsageInput> usages) {
        this(offerings, resources, orders, UsageTable.of(usages));
    }
}
