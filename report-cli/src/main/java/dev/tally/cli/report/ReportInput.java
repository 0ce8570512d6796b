package dev.tally.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.LimitPeriod;
import dev.tally.core.cost.PlanUnit;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.dataset.Dataset;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.core.fact.OrderState;
import dev.tally.core.fact.OrderType;
import dev.tally.core.input.ComponentInput;
import dev.tally.core.input.FactAssembler;
import dev.tally.core.input.OfferingInput;
import dev.tally.core.input.OrderInput;
import dev.tally.core.input.PlanInput;
import dev.tally.core.input.ResourceInput;
import dev.tally.core.input.SourceData;
import dev.tally.core.input.UsageInput;
import dev.tally.core.quality.DataQuality;
import dev.tally.core.quality.Finding;
import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.OfferingComponent;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.PlanComponent;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.snapshot.Snapshot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report is computed from: the snapshot (for provenance), the core dataset built from it and
 * the data-quality findings. The dataset's "today" is the harvest time, so a snapshot gives the
 * same figures whenever it is reported.
 *
 * <p>The snapshot → core input mapping here is deliberately thin; when the core's own adapter in
 * {@code dev.tally.cli.source} covers orders and usages, {@link #load(Path)} should delegate to it.
 */
public record ReportInput(Snapshot snapshot, Dataset dataset, List<Finding> findings) {
    public ReportInput {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(dataset, "dataset");
        findings = List.copyOf(findings);
    }

    /** Opens and verifies the snapshot in {@code dir} and builds the dataset. */
    public static ReportInput load(Path dir) {
        Snapshot snapshot = Snapshot.open(dir);
        Instant asOf = snapshot.manifest().finishedAt() != null ? snapshot.manifest().finishedAt() : Instant.now();
        Dataset dataset = new FactAssembler(CountryResolver.standard(), Clock.fixed(asOf, ZoneOffset.UTC))
                .assemble(sourceData(snapshot));
        return new ReportInput(snapshot, dataset, DataQuality.check(dataset));
    }

    /** The last full month before the harvest: the default report month. */
    public YearMonth lastFullMonth() {
        return YearMonth.from(dataset.asOf()).minusMonths(1);
    }

    static SourceData sourceData(Snapshot s) {
        List<OfferingInput> offerings = new ArrayList<>();
        for (Offering o : s.offerings()) {
            List<ComponentInput> components = new ArrayList<>();
            for (OfferingComponent c : o.components()) {
                components.add(new ComponentInput(c.type(), BillingType.parse(c.billingType()), LimitPeriod.parse(c.limitPeriod())));
            }
            List<PlanInput> plans = new ArrayList<>();
            for (Plan p : o.plans()) {
                Map<String, BigDecimal> prices = new HashMap<>(p.prices());
                Map<String, BigDecimal> amounts = new HashMap<>();
                for (PlanComponent pc : p.components()) {
                    if (pc.type() != null && pc.price() != null) {
                        prices.put(pc.type(), pc.price());
                    }
                    if (pc.type() != null && pc.amount() != null) {
                        amounts.put(pc.type(), pc.amount());
                    }
                }
                plans.add(new PlanInput(p.uuid(), p.name() == null ? "" : p.name(), PlanUnit.parse(p.unit()), p.unitPrice(),
                        prices, amounts));
            }
            offerings.add(new OfferingInput(o.uuid(), o.name() == null ? "" : o.name(), o.country(), o.customerUuid(),
                    o.customerName(), components, plans));
        }
        List<ResourceInput> resources = new ArrayList<>();
        for (Resource r : s.resources()) {
            resources.add(new ResourceInput(r.uuid(), r.name(), r.state() == null ? null : r.state().wire(), r.projectUuid(),
                    r.projectName(), r.customerUuid(), r.customerName(), r.offeringUuid(), r.offeringName(), r.planUuid(),
                    r.limits(), options(r.options()), r.created()));
        }
        List<OrderInput> orders = new ArrayList<>();
        for (Order o : s.orders()) {
            orders.add(new OrderInput(o.uuid(), o.type() == null ? null : OrderType.parse(o.type().wire()),
                    o.state() == null ? null : OrderState.parse(o.state().wire()), o.cost(), o.limits(), o.planUuid(),
                    o.offeringUuid(), o.marketplaceResourceUuid(), o.created(), o.completedAt()));
        }
        List<UsageInput> usages = new ArrayList<>();
        for (ComponentUsage u : s.componentUsages()) {
            if (u.resourceUuid() == null || u.type() == null || u.usage() == null) {
                continue;
            }
            LocalDate period = u.billingPeriod() != null ? u.billingPeriod()
                    : u.date() != null ? LocalDate.ofInstant(u.date(), ZoneOffset.UTC).withDayOfMonth(1) : null;
            if (period != null) {
                usages.add(new UsageInput(u.resourceUuid(), u.type(), u.usage(), period.withDayOfMonth(1),
                        u.created() != null ? u.created() : u.date()));
            }
        }
        return new SourceData(offerings, resources, orders, usages);
    }

    static LumiOptions options(JsonNode options) {
        if (options == null || !options.isObject()) {
            return LumiOptions.NONE;
        }
        List<String> ai = new ArrayList<>();
        JsonNode tech = options.get("used_ai_tech");
        if (tech != null && tech.isArray()) {
            tech.forEach(t -> {
                if (t.isTextual() && !t.asText().isBlank()) {
                    ai.add(t.asText());
                }
            });
        } else if (tech != null && tech.isTextual() && !tech.asText().isBlank()) {
            ai.add(tech.asText());
        }
        return new LumiOptions(flag(options.get("is_industry")), flag(options.get("is_commercial")),
                flag(options.get("is_training")), ai);
    }

    private static Flag flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return Flag.UNKNOWN;
        }
        if (node.isBoolean()) {
            return Flag.of(node.booleanValue());
        }
        String text = node.asText().strip();
        return text.equalsIgnoreCase("true") ? Flag.TRUE : text.equalsIgnoreCase("false") ? Flag.FALSE : Flag.UNKNOWN;
    }
}
