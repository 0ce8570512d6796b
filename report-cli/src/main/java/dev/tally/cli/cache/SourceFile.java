package dev.tally.cli.cache;

import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.input.ComponentInput;
import dev.tally.core.input.OfferingInput;
import dev.tally.core.input.OrderInput;
import dev.tally.core.input.PlanInput;
import dev.tally.core.input.ProjectInput;
import dev.tally.core.input.ResourceInput;
import dev.tally.core.input.SourceData;
import dev.tally.core.input.UsageTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of a snapshot cache: a snapshot's {@link SourceData} (what the core assembles its dataset from), in
 * the order of the record components, every list in its order (docs/cache.md, "File format"). Reading gives records
 * equal to those written and a usage table with the same rows and codes, so the dataset assembled from it is the one
 * assembled from the snapshot.
 */
final class SourceFile {
    private SourceFile() {
    }

    static void write(SourceData d, CacheOut out) throws IOException {
        out.count(d.offerings().size());
        for (OfferingInput o : d.offerings()) {
            offering(o, out);
        }
        out.count(d.resources().size());
        for (ResourceInput r : d.resources()) {
            resource(r, out);
        }
        out.count(d.orders().size());
        for (OrderInput o : d.orders()) {
            order(o, out);
        }
        out.count(d.projects().size());
        for (ProjectInput p : d.projects()) {
            out.string(p.uuid());
            out.string(p.fieldOfScience());
            out.constant(p.isIndustry());
        }
        usages(d.usages().columns(), out);
    }

    static SourceData read(CacheIn in) throws IOException {
        int n = in.count(8);
        List<OfferingInput> offerings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            offerings.add(offering(in));
        }
        n = in.count(8);
        List<ResourceInput> resources = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            resources.add(resource(in));
        }
        n = in.count(8);
        List<OrderInput> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(order(in));
        }
        n = in.count(8);
        List<ProjectInput> projects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            projects.add(new ProjectInput(required(in.string()), in.string(), required(in.constant(Flag.class))));
        }
        UsageTable usages = usages(in);
        return new SourceData(offerings, resources, orders, usages, projects);
    }

    private static void offering(OfferingInput o, CacheOut out) throws IOException {
        out.string(o.uuid());
        out.string(o.name());
        out.string(o.country());
        out.string(o.providerId());
        out.string(o.providerName());
        out.count(o.components().size());
        for (ComponentInput c : o.components()) {
            out.string(c.type());
            out.constant(c.billingType());
            out.constant(c.limitPeriod());
            out.string(c.measuredUnit());
        }
        out.count(o.plans().size());
        for (PlanInput p : o.plans()) {
            out.string(p.uuid());
            out.string(p.name());
            out.constant(p.unit());
            out.decimal(p.unitPrice());
            out.decimals(p.prices());
            out.decimals(p.amounts());
            out.decimals(p.futurePrices());
        }
    }

    private static OfferingInput offering(CacheIn in) throws IOException {
        String uuid = in.string();
        String name = required(in.string());
        String country = in.string();
        String providerId = in.string();
        String providerName = in.string();
        int n = in.count(8);
        List<ComponentInput> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            components.add(new ComponentInput(required(in.string()), in.constant(BillingType.class),
                    in.constant(LimitPeriod.class), in.string()));
        }
        n = in.count(8);
        List<PlanInput> plans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            plans.add(new PlanInput(in.string(), required(in.string()), in.constant(PlanUnit.class), in.decimal(),
                    in.decimals(), in.decimals(), in.decimals()));
        }
        return new OfferingInput(uuid, name, country, providerId, providerName, components, plans);
    }

    private static void resource(ResourceInput r, CacheOut out) throws IOException {
        out.string(r.uuid());
        out.string(r.name());
        out.string(r.state());
        out.string(r.projectId());
        out.string(r.projectName());
        out.string(r.customerId());
        out.string(r.customerName());
        out.string(r.offeringId());
        out.string(r.offeringName());
        out.string(r.planId());
        out.decimals(r.limits());
        LumiOptions o = r.options();
        out.constant(o.isIndustry());
        out.constant(o.isCommercial());
        out.constant(o.isTraining());
        out.strings(o.usedAiTech());
        out.instant(r.created());
    }

    private static ResourceInput resource(CacheIn in) throws IOException {
        return new ResourceInput(required(in.string()), in.string(), in.string(), in.string(), in.string(), in.string(),
                in.string(), in.string(), in.string(), in.string(), in.decimals(),
                new LumiOptions(required(in.constant(Flag.class)), required(in.constant(Flag.class)),
                        required(in.constant(Flag.class)), in.strings()),
                in.instant());
    }

    private static void order(OrderInput o, CacheOut out) throws IOException {
        out.string(o.uuid());
        out.constant(o.type());
        out.constant(o.state());
        out.decimal(o.cost());
        out.decimals(o.limits());
        out.string(o.planId());
        out.string(o.offeringId());
        out.string(o.resourceId());
        out.instant(o.created());
        out.instant(o.completedAt());
    }

    private static OrderInput order(CacheIn in) throws IOException {
        return new OrderInput(required(in.string()), in.constant(OrderType.class), in.constant(OrderState.class),
                in.decimal(), in.decimals(), in.string(), in.string(), in.string(), in.instant(), in.instant());
    }

    private static void usages(UsageTable.Columns c, CacheOut out) throws IOException {
        int n = c.size();
        out.count(n);
        out.strings(c.resourceIds());
        out.strings(c.components());
        out.ints(c.resource(), n);
        out.ints(c.component(), n);
        out.ints(c.month(), n);
        out.longs(c.reportedSecond(), n);
        out.ints(c.reportedNano(), n);
        out.longs(c.unscaled(), n);
        out.bytes(c.scale(), n);
        out.longs(c.idHigh(), n);
        out.longs(c.idLow(), n);
        out.count(c.big().size());
        for (Map.Entry<Integer, BigDecimal> e : c.big().entrySet()) {
            out.count(e.getKey());
            out.decimal(e.getValue());
        }
    }

    private static UsageTable usages(CacheIn in) throws IOException {
        // each row takes 45 bytes: three ints and the nanoseconds, three longs and the UUID's two, a byte
        int n = in.count(45);
        List<String> resourceIds = in.strings();
        List<String> components = in.strings();
        int[] resource = in.ints(n);
        int[] component = in.ints(n);
        int[] month = in.ints(n);
        long[] reportedSecond = in.longs(n);
        int[] reportedNano = in.ints(n);
        long[] unscaled = in.longs(n);
        byte[] scale = in.bytes(n);
        long[] idHigh = in.longs(n);
        long[] idLow = in.longs(n);
        int bigs = in.count(6);
        Map<Integer, BigDecimal> big = new HashMap<>();
        for (int i = 0; i < bigs; i++) {
            big.put(in.count(), required(in.decimal()));
        }
        try {
            return UsageTable.of(new UsageTable.Columns(n, resourceIds, components, resource, component, month,
                    reportedSecond, reportedNano, unscaled, scale, idHigh, idLow, big));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CacheIn.DamagedCache(e.getMessage());
        }
    }

    private static <T> T required(T value) throws CacheIn.DamagedCache {
        if (value == null) {
            throw new CacheIn.DamagedCache("a value that is never missing is missing");
        }
        return value;
    }
}
