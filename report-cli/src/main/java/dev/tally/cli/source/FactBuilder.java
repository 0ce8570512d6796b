package dev.tally.cli.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.core.cost.BillingType;
import dev.tally.core.cost.ComponentPrice;
import dev.tally.core.cost.PriceList;
import dev.tally.core.country.CountryResolver;
import dev.tally.core.country.CountryShare;
import dev.tally.core.fact.AllocationFact;
import dev.tally.core.fact.Flag;
import dev.tally.core.fact.LumiOptions;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.OfferingComponent;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.OrderState;
import dev.tally.waldur.model.OrderType;
import dev.tally.waldur.model.Plan;
import dev.tally.waldur.model.Resource;
import dev.tally.waldur.snapshot.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a snapshot's resources, offerings and orders into allocation facts: prices from the
 * resource's plan, country share from the offering, lifetime from the Create and Terminate orders.
 */
public final class FactBuilder {
    private final CountryResolver countries;

    public FactBuilder(CountryResolver countries) {
        this.countries = countries;
    }

    public List<AllocationFact> build(Snapshot snapshot) {
        return build(snapshot.offerings(), snapshot.orders(), snapshot.resources());
    }

    public List<AllocationFact> build(List<Offering> offerings, List<Order> orders, List<Resource> resources) {
        Map<String, Offering> offeringsById = new HashMap<>();
        Map<String, PriceList> pricesByPlan = new HashMap<>();
        for (Offering o : offerings) {
            offeringsById.put(o.uuid(), o);
            for (Plan p : o.plans()) {
                pricesByPlan.put(p.uuid(), priceList(o, p));
            }
        }
        Map<String, List<Order>> ordersByResource = new HashMap<>();
        for (Order o : orders) {
            if (o.marketplaceResourceUuid() != null) {
                ordersByResource.computeIfAbsent(o.marketplaceResourceUuid(), k -> new ArrayList<>()).add(o);
            }
        }
        List<AllocationFact> facts = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            Offering offering = offeringsById.get(r.offeringUuid());
            CountryShare share = offering != null
                    ? countries.resolve(offering.uuid(), offering.name(), offering.country())
                    : countries.resolve(r.offeringUuid(), nullToEmpty(r.offeringName()), null);
            PriceList prices = pricesByPlan.getOrDefault(r.planUuid(), PriceList.FREE);
            List<Order> history = ordersByResource.getOrDefault(r.uuid(), List.of());
            facts.add(new AllocationFact(r.uuid(), r.name(), r.state() == null ? null : r.state().wire(),
                    r.projectUuid(), r.projectName(), r.customerName(), offering != null ? offering.name() : r.offeringName(),
                    share, prices, r.limits(), options(r.options()), activeFrom(r, history), activeUntil(history)));
        }
        return facts;
    }

    static PriceList priceList(Offering offering, Plan plan) {
        List<ComponentPrice> components = new ArrayList<>();
        for (OfferingComponent c : offering.components()) {
            components.add(new ComponentPrice(c.type(), BillingType.parse(c.billingType()), plan.priceOf(c.type())));
        }
        return PriceList.of(plan.name(), plan.unitPrice(), components);
    }

    /** From the Create order's completion; the resource's creation when no Create order is known; never if it did not complete. */
    private static Instant activeFrom(Resource r, List<Order> history) {
        List<Order> creates = history.stream().filter(o -> o.type() == OrderType.CREATE).toList();
        if (creates.isEmpty()) {
            return r.created();
        }
        return creates.stream()
                .filter(o -> o.state() == OrderState.DONE && o.completedAt() != null)
                .map(Order::completedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Instant activeUntil(List<Order> history) {
        return history.stream()
                .filter(o -> o.type() == OrderType.TERMINATE && o.state() == OrderState.DONE && o.completedAt() != null)
                .map(Order::completedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
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
        if (text.equalsIgnoreCase("true")) {
            return Flag.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Flag.FALSE;
        }
        return Flag.UNKNOWN;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
