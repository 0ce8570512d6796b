package dev.tally.emulator.http;

import dev.tally.emulator.store.OrderState;
import dev.tally.emulator.store.OrderType;
import dev.tally.emulator.store.ResourceState;
import dev.tally.emulator.store.Row;
import dev.tally.emulator.store.Store;
import dev.tally.emulator.store.User;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/** The read endpoint of every collection, with its filters and orderings (module README, "Endpoints"). */
final class Endpoints {
    static final Set<String> OFFERING_STATES = Set.of("Draft", "Active", "Paused", "Archived", "Unavailable");
    /** The offering states the public offerings list and retrieve. */
    static final Set<String> ORDERABLE_STATES = Set.of("Active", "Paused");

    private Endpoints() {
    }

    // Non-staff users see their own organisation's things, and as providers, things ordered from their offerings.
    private static boolean mine(User user, Row row, String... customerFields) {
        if (user == null) {
            return false;
        }
        if (user.staff()) {
            return true;
        }
        for (String field : customerFields) {
            String value = Filter.text(row, field);
            if (value != null && value.equals(user.customerUuid())) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Endpoint> all() {
        return all(false);
    }

    /** Every list; with {@code projectsWithoutModified}, the projects list rejects {@code modified} (a 400). */
    static Map<String, Endpoint> all(boolean projectsWithoutModified) {
        Map<String, Endpoint> all = new LinkedHashMap<>();
        for (Endpoint c : List.of(customers(), projects(projectsWithoutModified), offerings(), orders(), resources(), usages(), invoiceItems(),
                ProviderViews.offerings(), ProviderViews.plans(), ProviderViews.resources())) {
            all.put(c.name(), c);
        }
        return all;
    }

    /**
     * Waldur's default ordering of a collection (model {@code Meta.ordering} or the viewset's queryset), which is all
     * PostgreSQL is asked to sort by; the emulator's tables add the UUID only to be reproducible. Null for views
     * whose order is not emulated as Waldur's.
     */
    static Comparator<Row> defaultOrderWithoutUuid(String endpoint) {
        return switch (endpoint) {
            case "customers", "projects", "marketplace-public-offerings", ProviderViews.OFFERINGS -> byFields("name");
            case "marketplace-orders", "marketplace-resources", ProviderViews.RESOURCES -> byFields("created");
            case "marketplace-component-usages" -> byFields("date", "type");
            default -> null;
        };
    }

    /** Whether {@code ?o=} asks for exactly the field the collection's table is already sorted by. */
    static boolean isTableOrder(String endpoint, List<String> o) {
        String wanted = String.join(",", o).strip();
        return switch (endpoint) {
            case "customers", "projects", "marketplace-public-offerings" -> wanted.equals("name");
            case "marketplace-orders", "marketplace-resources" -> wanted.equals("created");
            default -> false;
        };
    }

    private static Comparator<Row> byFields(String... fields) {
        return (a, b) -> {
            for (String field : fields) {
                int c = Endpoint.compareValues(a.get(field), b.get(field));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    static Endpoint customers() {
        Map<String, Filter> f = new FilterTable().names()
                .icontains("native_name", "abbreviation", "contact_details")
                .exact("registration_code", "agreement_number", "backend_id")
                .bool("archived", "is_service_provider")
                .put("query", Filter.query("name", "native_name", "abbreviation", "domain", "registration_code"))
                .map();
        BiPredicate<User, Row> visible = (user, row) -> user != null
                && (user.staff() || row.uuid().equals(user.customerUuid()));
        return new Endpoint("customers", "Customer", false, Store::customers, visible, f,
                Set.of("name", "abbreviation", "created", "native_name", "accounting_start_date",
                        "registration_code", "agreement_number"));
    }

    static Endpoint projects() {
        return projects(false);
    }

    static Endpoint projects(boolean withoutModified) {
        Map<String, Filter> f = new FilterTable().names()
                .icontains("description")
                .put("customer", Filter.uuidList("customer_uuid"))
                .icontains("customer_name", "customer_native_name", "customer_abbreviation")
                .exact("backend_id", "slug")
                .since("created")
                // 8.0.5 ProjectFilter; the serializer shows no modified, so the emulator keeps it hidden (docs/emulator.md).
                .put("modified", withoutModified
                        ? (param, values) -> {
                            throw ApiException.field(param, "This filter is not supported.");
                        }
                        : Filter.sinceOr("modified", "created"))
                .put("query", Filter.query("name", "backend_id"))
                .bool("is_removed")
                .map();
        return new Endpoint("projects", "Project", false, Store::projects,
                (user, row) -> mine(user, row, "customer_uuid"), f,
                Set.of("name", "created", "customer_name", "customer_native_name", "customer_abbreviation",
                        "end_date", "start_date"));
    }

    static Endpoint offerings() {
        Map<String, Filter> f = new FilterTable().names()
                .url("customer")
                .uuid("customer_uuid")
                // Every emulated offering is shared, so it is available to any customer; the UUID is still validated.
                .put("allowed_customer_uuid", (param, values) -> {
                    Filter.uuid("customer_uuid").parse(param, values);
                    return row -> row.get("shared").asBoolean();
                })
                .put("service_manager_uuid", Filter.uuidMatchingNothing())
                .uuid("project_uuid")
                .put("attributes", OfferingAttributes.FILTER)
                .choice("state", OFFERING_STATES)
                .uuid("category_uuid")
                .bool("billable", "shared")
                .icontains("description")
                .put("keyword", Filter.query("name", "description", "customer_name"))
                .exact("type")
                .map();
        // OfferingQuerySet.filter_by_ordering_availability_for_user: only Active and Paused offerings, for list and
        // detail alike, so an Archived offering is 404 here and readable only as a provider offering.
        return new Endpoint("marketplace-public-offerings", "Offering", true, Store::offerings,
                (user, row) -> ORDERABLE_STATES.contains(Filter.text(row, "state")), f,
                Set.of("name", "created", "type", "state", "total_customers", "total_cost", "total_cost_estimated"));
    }

    static Endpoint orders() {
        Map<String, Filter> f = new FilterTable()
                .uuid("project_uuid", "customer_uuid", "provider_uuid")
                .url("offering")
                .uuid("offering_uuid")
                .exact("offering_type")
                .uuid("category_uuid")
                .put("service_manager_uuid", Filter.uuidMatchingNothing())
                .put("resource", Filter.urlToUuid("/api/marketplace-resources/", "marketplace_resource_uuid"))
                .put("resource_uuid", Filter.uuid("marketplace_resource_uuid"))
                .icontains("resource_name")
                .choice("state", OrderState.WIRE_NAMES)
                .choice("type", OrderType.WIRE_NAMES)
                .since("created", "modified")
                .put("query", Filter.query("project_name", "resource_name"))
                .put("can_approve_as_consumer", Filter.canApprove(OrderState.PENDING_CONSUMER, "customer_uuid"))
                .put("can_approve_as_provider", Filter.canApprove(OrderState.PENDING_PROVIDER, "provider_uuid"))
                .put("offering_slug", Filter.offeringSlug())
                // No emulated offering has a parent offering: the UUID is validated, then nothing matches.
                .put("parent_offering_uuid", Filter.uuidMatchingNothing())
                .map();
        return new Endpoint("marketplace-orders", "Order", false, Store::orders,
                (user, row) -> mine(user, row, "customer_uuid", "provider_uuid"), f,
                Set.of("created", "consumer_reviewed_at", "cost", "state"));
    }

    static Endpoint resources() {
        Map<String, Filter> f = new FilterTable().names()
                .put("query", Filter.query("name", "backend_id", "effective_id"))
                .url("offering")
                .uuid("offering_uuid")
                .exact("offering_type")
                .bool("offering_billable", "offering_shared")
                .uuid("project_uuid")
                .icontains("project_name")
                .put("customer", Filter.urlToUuid("/api/customers/", "customer_uuid"))
                .uuid("customer_uuid", "provider_uuid", "category_uuid")
                .put("service_manager_uuid", Filter.uuidMatchingNothing())
                .uuid("plan_uuid")
                .exact("backend_id")
                .choice("state", ResourceState.WIRE_NAMES)
                .bool("downscaled", "paused", "restrict_member_access")
                .since("created", "modified")
                .map();
        return new Endpoint("marketplace-resources", "Resource", false, Store::resources,
                (user, row) -> mine(user, row, "customer_uuid", "provider_uuid"), f,
                Set.of("name", "created", "end_date", "project_name", "state"));
    }

    static Endpoint usages() {
        Map<String, Filter> f = new FilterTable()
                .put("resource", Filter.urlToUuid("/api/marketplace-resources/", "resource_uuid"))
                .uuid("resource_uuid", "offering_uuid", "project_uuid", "customer_uuid")
                .exact("type")
                .put("date_before", Filter.dateBound("date", false))
                .put("date_after", Filter.dateBound("date", true))
                .put("billing_period", Filter.date("billing_period"))
                .yearAndMonth("billing_period_year", "billing_period_month", "billing_period")
                .map();
        return new Endpoint("marketplace-component-usages", "ComponentUsage", false, Store::usages,
                (user, row) -> mine(user, row, "customer_uuid", "provider_uuid"), f,
                Set.of("billing_period", "usage"));
    }

    /**
     * {@code /api/invoice-items/} (docs/emulator.md, "Invoices"): staff see every item, an organisation's users its own;
     * {@link #mayReadInvoices} decides who gets 403 instead.
     */
    static Endpoint invoiceItems() {
        Map<String, Filter> f = new FilterTable()
                .yearAndMonth("year", "month", "start")
                .uuid("customer_uuid", "project_uuid", "resource_uuid")
                .map();
        return new Endpoint("invoice-items", "InvoiceItem", false, s -> s.invoices().items(),
                (user, row) -> mine(user, row, "customer_uuid"), f, Set.of());
    }

    /**
     * Invoices need owner, staff or support rights in Waldur. The emulator's service-provider user acts for an
     * organisation without projects of its own, as a service manager without owner rights: 403.
     */
    static boolean mayReadInvoices(Store store, User user) {
        if (user == null || user.staff()) {
            return true;
        }
        for (var project : store.projects().rows()) {
            if (user.customerUuid().equals(project.text("customer_uuid"))) {
                return true;
            }
        }
        return false;
    }
}
