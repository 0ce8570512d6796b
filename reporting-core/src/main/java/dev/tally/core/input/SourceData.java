package dev.tally.core.input;

import java.util.List;
import java.util.Objects;

/**
 * Everything the core needs from one Waldur snapshot. Usages, by far the largest part (millions of
 * reports at scale), come as a column-wise {@link UsageTable}. Projects carry what an allocation takes
 * from its project (the field of science), joined by the resource's project UUID.
 */
public record SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
        UsageTable usages, List<ProjectInput> projects) {
    public SourceData {
        offerings = List.copyOf(offerings);
        resources = List.copyOf(resources);
        orders = List.copyOf(orders);
        Objects.requireNonNull(usages, "usages");
        projects = List.copyOf(projects);
    }

    /** The same, without projects (every allocation's field of science is then unknown). */
    public SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
            UsageTable usages) {
        this(offerings, resources, orders, usages, List.of());
    }

    /** The same, with the usages as records and without projects. */
    public SourceData(List<OfferingInput> offerings, List<ResourceInput> resources, List<OrderInput> orders,
            List<UsageInput> usages) {
        this(offerings, resources, orders, UsageTable.of(usages), List.of());
    }
}
