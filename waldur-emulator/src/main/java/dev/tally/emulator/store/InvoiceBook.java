package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The invoice items Waldur bills monthly (docs/emulator.md, "Invoices"), written from the invoicing rules Waldur
 * documents and not from Tally's cost code: for every resource, month and {@code limit} component, one item per span
 * of days with the same limit and plan. A resource is billed for the UTC days its [Create done, Terminate done) span
 * touches; an Update bills its new limits from the day it completed, the old ones up to the day before. The item's
 * {@code quantity} is the limit × billed days ÷ days in the month (10 decimals), {@code unit_price} the plan's
 * component price and {@code price} their product rounded half-up to cents. Only the closed months before the
 * store's clock are invoiced, the last {@link #MONTHS}; items are built on request from the orders, so a write shows
 * at once, and kept until the clock moves.
 */
public final class InvoiceBook {
    /** How many closed months are invoiced. */
    public static final int MONTHS = 3;
    /** Waldur's default order of invoice items: by start, then (for a stable page order) by UUID. */
    private static final String ORDER_FIELD = "start";

    private final Store store;
    private final Map<String, BigDecimal> surcharges = new HashMap<>();
    private Instant builtAt;
    private Table<InvoiceItemRow> built;

    InvoiceBook(Store store) {
        this.store = store;
    }

    /** The items of the invoiced months, in Waldur's default order (by start); callers hold the read lock. */
    public synchronized Table<InvoiceItemRow> items() {
        if (built == null || !store.now().equals(builtAt)) {
            builtAt = store.now();
            built = Table.sorted("invoice-items", ORDER_FIELD, build());
        }
        return built;
    }

    /** Adds {@code amount} to the price of the first item of the latest invoiced month (a mis-billed item, for tests). */
    synchronized void misprice(BigDecimal amount) {
        YearMonth latest = YearMonth.from(store.now().atZone(ZoneOffset.UTC)).minusMonths(1);
        Table<InvoiceItemRow> all = items();
        for (InvoiceItemRow item : all.rows()) {
            if (item.get("start").asText().startsWith(latest.toString())) {
                surcharges.put(item.uuid(), amount);
                built = null;
                return;
            }
        }
    }

    private List<InvoiceItemRow> build() {
        Map<String, List<JsonRow>> doneOrders = new HashMap<>();
        for (JsonRow order : store.orders().rows()) {
            if ("done".equals(order.text("state")) && order.text("completed_at") != null) {
                doneOrders.computeIfAbsent(order.text("marketplace_resource_uuid"), k -> new ArrayList<>()).add(order);
            }
        }
        doneOrders.values().forEach(list -> list.sort(Comparator.comparing((JsonRow o) -> o.text("completed_at"))));
        YearMonth current = YearMonth.from(store.now().atZone(ZoneOffset.UTC));
        List<InvoiceItemRow> out = new ArrayList<>();
        for (JsonRow resource : store.resources().rows()) {
            List<JsonRow> orders = doneOrders.getOrDefault(resource.uuid(), List.of());
            for (int back = MONTHS; back >= 1; back--) {
                bill(resource, orders, current.minusMonths(back), out);
            }
        }
        return out;
    }

    /** A span of days with one limit set: from day {@code from} to day {@code to}, both billed. */
    private record Span(LocalDate from, LocalDate to, JsonNode limits, String planUuid) {
    }

    private void bill(JsonRow resource, List<JsonRow> orders, YearMonth month, List<InvoiceItemRow> out) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Span> spans = new ArrayList<>();
        LocalDate open = null;
        JsonNode limits = null;
        String plan = null;
        LocalDate end = null;
        for (JsonRow o : orders) {
            Instant at = Instant.parse(o.text("completed_at"));
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            switch (o.text("type")) {
                case "Create" -> {
                    open = day;
                    limits = o.get("limits");
                    plan = o.text("plan_uuid");
                }
                case "Update" -> {
                    if (open != null) {
                        spans.add(new Span(open, day.minusDays(1), limits, plan));
                        open = day;
                        limits = o.get("limits");
                        plan = o.text("plan_uuid") == null ? plan : o.text("plan_uuid");
                    }
                }
                case "Terminate" -> {
                    // the half-open span [start, end) touches the day of an end after midnight, not one at midnight
                    end = at.equals(day.atStartOfDay(ZoneOffset.UTC).toInstant()) ? day.minusDays(1) : day;
                }
                default -> { }
            }
        }
        if (open == null) {
            return;
        }
        spans.add(new Span(open, end == null ? last : end, limits, plan));
        int index = 0;
        for (Span s : spans) {
            LocalDate from = s.from.isBefore(first) ? first : s.from;
            LocalDate to = s.to.isAfter(last) ? last : s.to;
            if (end != null && to.isAfter(end)) {
                to = end;
            }
            if (from.isAfter(to) || s.limits == null) {
                continue;
            }
            long days = to.toEpochDay() - from.toEpochDay() + 1;
            for (InvoiceItemRow item : items(resource, s, month, from, to, days, index++)) {
                out.add(item);
            }
        }
    }

    private List<InvoiceItemRow> items(JsonRow resource, Span s, YearMonth month, LocalDate from, LocalDate to, long days,
            int span) {
        JsonRow plan = s.planUuid == null ? null : store.plan(s.planUuid).orElse(null);
        JsonRow offering = store.offerings().find(resource.text("offering_uuid")).orElse(null);
        List<InvoiceItemRow> out = new ArrayList<>();
        if (plan == null || offering == null) {
            return out;
        }
        for (JsonNode component : offering.get("components")) {
            String type = component.path("type").asText();
            JsonNode limit = s.limits.get(type);
            if (!"limit".equals(component.path("billing_type").asText()) || limit == null || limit.isNull()) {
                continue;
            }
            BigDecimal unitPrice = componentPrice(plan, type);
            if (unitPrice.signum() == 0) {
                continue;
            }
            BigDecimal quantity = new BigDecimal(limit.asText()).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(month.lengthOfMonth()), 10, RoundingMode.HALF_UP);
            String uuid = UUID.nameUUIDFromBytes((resource.uuid() + "|" + month + "|" + type + "|" + span)
                    .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            BigDecimal price = unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP)
                    .add(surcharges.getOrDefault(uuid, BigDecimal.ZERO));
            ObjectNode n = Json.NODES.objectNode();
            n.put("uuid", uuid);
            n.put("url", "/api/invoice-items/" + uuid + "/");
            n.put("name", resource.text("name") + " / " + component.path("name").asText(type));
            // a JSON number, as Waldur 8.0.5 serialises it (docs/emulator.md, "Invoices")
            n.put("price", price);
            n.put("tax", "0.00");
            n.put("total", price.toPlainString());
            n.put("unit_price", Ids.decimal10(unitPrice));
            n.put("unit", "month");
            n.put("factor", 1);
            n.put("measured_unit", component.path("measured_unit").asText(""));
            n.put("start", Ids.timestamp(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
            n.put("end", Ids.timestamp(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)));
            n.put("article_code", "");
            n.put("project_name", resource.text("project_name"));
            n.put("project_uuid", resource.text("project_uuid"));
            n.put("quantity", quantity.toPlainString());
            ObjectNode details = n.putObject("details");
            details.put("resource_name", resource.text("name"));
            details.put("resource_uuid", resource.uuid());
            details.put("plan_name", plan.text("name"));
            details.put("plan_uuid", plan.uuid());
            details.put("offering_type", offering.text("type"));
            details.put("offering_name", offering.text("name"));
            details.put("offering_uuid", offering.uuid());
            details.put("offering_component_type", type);
            details.put("offering_component_name", component.path("name").asText(type));
            n.put("resource", "/api/marketplace-resources/" + resource.uuid() + "/");
            n.put("resource_uuid", resource.uuid());
            n.put("resource_name", resource.text("name"));
            n.put("billing_type", "limit");
            n.putNull("backend_uuid");
            n.put("credit", false);
            out.add(new InvoiceItemRow(n, resource.text("customer_uuid")));
        }
        return out;
    }

    private static BigDecimal componentPrice(JsonRow plan, String type) {
        for (JsonNode c : plan.get("components")) {
            if (type.equals(c.path("type").asText())) {
                return new BigDecimal(c.path("price").asText("0"));
            }
        }
        return BigDecimal.ZERO;
    }
}
