package dev.tally.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tally.emulator.store.Ids;
import dev.tally.emulator.store.JsonRow;
import dev.tally.emulator.store.OrderState;
import dev.tally.emulator.store.ProviderCatalog;
import dev.tally.emulator.store.ResourceState;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The provider-side read collections (docs/emulator.md, "Provider views"): {@code marketplace-provider-offerings},
 * {@code marketplace-plans} and {@code marketplace-provider-resources}. They are views over the same offering, plan and
 * resource rows as the consumer side, so a write shows on both sides at once; nothing here is stored.
 *
 * <p>Visibility follows Waldur's {@code OfferingQuerySet.filter_for_user} (2024+ managers.py): staff see everything,
 * anybody else only the offerings of the organisation they act for, the plans of those offerings and the resources
 * ordered from them. Others' objects are 404 on detail, as they are outside the queryset.
 */
final class ProviderViews {
    static final String OFFERINGS = ProviderCatalog.OFFERINGS;
    static final String PLANS = ProviderCatalog.PLANS;
    static final String RESOURCES = "marketplace-provider-resources";

    private ProviderViews() {
    }

    private static BiPredicate<User, Row> providedBy(String customerField) {
        return (user, row) -> user != null
                && (user.staff() || user.customerUuid().equals(Filter.text(row, customerField)));
    }

    static Endpoint offerings() {
        Map<String, Filter> f = new LinkedHashMap<>(Endpoints.offerings().filters());
        f.put("query", Filter.query("name", "slug", "description"));
        f.put("created", Filter.since("created"));
        // OfferingImportableFilterBackend: the mere presence of the parameter keeps importable types only, and no
        // emulated type (Basic, Script) can import resources.
        f.put("importable", (param, values) -> row -> false);
        f.put("resource_customer_uuid", usedBy("customer_uuid"));
        f.put("resource_project_uuid", usedBy("project_uuid"));
        f.put("uuid_list", uuidList());
        return new Endpoint(OFFERINGS, "Offering", false, ProviderCatalog::offerings,
                providedBy("customer_uuid"), f, Endpoints.offerings().orderings());
    }

    static Endpoint plans() {
        Map<String, Filter> f = new LinkedHashMap<>();
        // PlanFilter (OfferingFilterMixin): offering is a URLFilter on marketplace-provider-offering-detail.
        f.put("offering", offeringUrl());
        f.put("offering_uuid", Filter.uuid("offering_uuid"));
        f.put("offering_slug", Filter.offeringSlug());
        f.put("parent_offering_uuid", Filter.uuidMatchingNothing());
        // No OrderingFilter on ProviderPlanViewSet: an empty set makes Endpoint ignore ?o=, as DRF does.
        return new Endpoint(PLANS, "Plan", false, ProviderCatalog::plans, providedBy("customer_uuid"), f,
                Set.of());
    }

    static Endpoint resources() {
        Endpoint consumer = Endpoints.resources();
        Map<String, Filter> f = new LinkedHashMap<>(consumer.filters());
        f.put("offering", offeringUrl());
        f.put("offering_uuid", uuidIn("offering_uuid"));
        f.put("offering_slug", Filter.offeringSlug());
        f.put("parent_offering_uuid", Filter.uuidMatchingNothing());
        f.put("has_terminate_date", nullBoolean(row -> Filter.text(row, "end_date") != null));
        f.put("usage_based", byComponents(types -> types.contains("usage")));
        f.put("limit_based", byComponents(types -> types.contains("limit")));
        f.put("only_usage_based", byComponents(types -> !types.isEmpty()
                && types.stream().allMatch("usage"::equals)));
        f.put("only_limit_based", byComponents(types -> !types.isEmpty()
                && types.stream().allMatch("limit"::equals)));
        f.put("component_count", componentCount(false));
        f.put("limit_component_count", componentCount(true));
        f.put("order_state", orderState());
        f.put("visible_to_username", visibleToUsername());
        // backend_metadata.runtime_state: no emulated resource has backend metadata.
        f.put("runtime_state", (param, values) -> Filter.last(values).isEmpty() ? null : row -> false);
        return new Endpoint(RESOURCES, "Resource", false, Store::resources, providedBy("provider_uuid"), f,
                consumer.orderings());
    }

    /**
     * Waldur fills {@code total_customers} only for a detail or when the list is ordered by it
     * ({@code _check_extra_field_needed}); elsewhere the list shows null.
     */
    static List<Row> listed(String collection, Request request, List<Row> rows) {
        if (!OFFERINGS.equals(collection)) {
            return rows;
        }
        String o = request.query().last("o");
        if ("total_customers".equals(o) || "-total_customers".equals(o)) {
            return rows;
        }
        List<Row> hidden = new ArrayList<>(rows.size());
        for (Row row : rows) {
            hidden.add(ProviderCatalog.withoutTotals(row));
        }
        return hidden;
    }

    /** Writes on these views (create, plan updates, provider resource PUT/PATCH) are not emulated: 405. */
    static boolean isReadOnlyView(String name) {
        return OFFERINGS.equals(name) || PLANS.equals(name) || RESOURCES.equals(name);
    }

    // --- filters that only the provider side has ---

    /** OfferingFilter resource_customer_uuid / resource_project_uuid: offerings with a non-Terminated resource there. */
    private static Filter usedBy(String resourceField) {
        return Filter.contextual((param, values, user, store) -> {
            String value = Filter.last(values);
            if (value.isEmpty()) {
                return null;
            }
            String uuid = Ids.normalizeUuid(value);
            if (uuid == null) {
                throw ApiException.field(param, "Enter a valid UUID.");
            }
            Set<String> offerings = new HashSet<>();
            for (JsonRow resource : store.resources().rows()) {
                if (uuid.equals(resource.text(resourceField)) && !ResourceState.TERMINATED.is(resource)) {
                    offerings.add(resource.text("offering_uuid"));
                }
            }
            return row -> offerings.contains(row.uuid());
        });
    }

    /**
     * OfferingFilter uuid_list: comma-separated offering UUIDs (not validated). An empty value is skipped, as django-filter
     * skips every empty value; a value without any UUID (e.g. {@code ,}) matches nothing.
     */
    private static Filter uuidList() {
        return (param, values) -> {
            if (Filter.last(values).isEmpty()) {
                return null;
            }
            Set<String> wanted = new HashSet<>();
            for (String part : Filter.last(values).split(",")) {
                String normal = Ids.normalizeUuid(part.strip());
                if (normal != null) {
                    wanted.add(normal);
                }
            }
            return row -> wanted.contains(row.uuid());
        };
    }

    /** UUIDInFilter: comma-separated UUIDs, and repeated parameters too; any of them matches. */
    private static Filter uuidIn(String field) {
        return (param, values) -> {
            List<String> parts = new ArrayList<>();
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        parts.add(part.strip());
                    }
                }
            }
            return Filter.uuid(field).parse(param, parts);
        };
    }

    /**
     * {@code offering}: Waldur's URLFilter on marketplace-provider-offering-detail. A URL of another view (or no URL at
     * all) resolves to no UUID, which matches nothing; it is not a 400. The emulator also accepts the offering's
     * public URL, since resource rows link to it.
     */
    private static Filter offeringUrl() {
        return (param, values) -> {
            String value = Filter.last(values);
            if (value.isEmpty()) {
                return null;
            }
            String path = Links.pathOf(value);
            String uuid = null;
            for (String prefix : List.of("/api/" + OFFERINGS + "/", "/api/marketplace-public-offerings/")) {
                if (path != null && path.startsWith(prefix) && path.endsWith("/")) {
                    uuid = Ids.normalizeUuid(path.substring(prefix.length(), path.length() - 1));
                }
            }
            String wanted = uuid;
            return row -> wanted != null && wanted.equals(Filter.text(row, "offering_uuid"));
        };
    }

    /** A method BooleanFilter (NullBooleanSelect): true keeps matching rows, false the others, anything else is ignored. */
    private static Filter nullBoolean(Predicate<Row> test) {
        return (param, values) -> {
            Boolean wanted = Filter.nullBoolean(Filter.last(values));
            return wanted == null ? null : row -> test.test(row) == wanted;
        };
    }

    /** usage_based, limit_based, only_*: a test on the billing types of the resource's offering components. */
    private static Filter byComponents(Predicate<List<String>> test) {
        return Filter.contextual((param, values, user, store) -> {
            Boolean wanted = Filter.nullBoolean(Filter.last(values));
            if (wanted == null) {
                return null;
            }
            Set<String> matching = offeringsWhere(store, offering -> test.test(billingTypes(offering)));
            return row -> matching.contains(Filter.text(row, "offering_uuid")) == wanted;
        });
    }

    /** component_count / limit_component_count (NumberFilter): offerings with exactly that many (limit) components. */
    private static Filter componentCount(boolean limitOnly) {
        return Filter.contextual((param, values, user, store) -> {
            String value = Filter.last(values).strip();
            if (value.isEmpty()) {
                return null;
            }
            BigDecimal wanted;
            try {
                wanted = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw ApiException.field(param, "Enter a number.");
            }
            Set<String> matching = offeringsWhere(store, offering -> BigDecimal.valueOf(
                    billingTypes(offering).stream().filter(t -> !limitOnly || t.equals("limit")).count())
                    .compareTo(wanted) == 0);
            return row -> matching.contains(Filter.text(row, "offering_uuid"));
        });
    }

    /** order_state (multi): resources with at least one order in one of these states. */
    private static Filter orderState() {
        Filter choice = Filter.choice("state", OrderState.WIRE_NAMES);
        return Filter.contextual((param, values, user, store) -> {
            Predicate<Row> inState = choice.parse(param, values);
            if (inState == null) {
                return null;
            }
            Set<String> resources = new HashSet<>();
            for (JsonRow order : store.orders().rows()) {
                if (inState.test(order)) {
                    resources.add(order.text("marketplace_resource_uuid"));
                }
            }
            return row -> resources.contains(row.uuid());
        });
    }

    /** visible_to_username: resources that user sees as a consumer; an unknown username matches nothing. */
    private static Filter visibleToUsername() {
        return Filter.contextual((param, values, user, store) -> {
            String username = Filter.last(values);
            if (username.isEmpty()) {
                return null;
            }
            User other = store.userByName(username).orElse(null);
            if (other == null) {
                return row -> false;
            }
            return row -> other.staff() || other.customerUuid().equals(Filter.text(row, "customer_uuid"));
        });
    }

    private static Set<String> offeringsWhere(Store store, Predicate<JsonRow> test) {
        Set<String> uuids = new HashSet<>();
        for (JsonRow offering : store.offerings().rows()) {
            if (test.test(offering)) {
                uuids.add(offering.uuid());
            }
        }
        return uuids;
    }

    private static List<String> billingTypes(JsonRow offering) {
        List<String> types = new ArrayList<>();
        JsonNode components = offering.get("components");
        if (components instanceof ArrayNode array) {
            for (JsonNode component : array) {
                types.add(component.get("billing_type").asText());
            }
        }
        return types;
    }
}
