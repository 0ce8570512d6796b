package dev.tally.waldur;

import dev.tally.waldur.model.ComponentUsage;
import dev.tally.waldur.model.Customer;
import dev.tally.waldur.model.InvoiceItem;
import dev.tally.waldur.model.Offering;
import dev.tally.waldur.model.Order;
import dev.tally.waldur.model.Project;
import dev.tally.waldur.model.Resource;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Waldur lists a harvest reads, with their API paths and record types, in harvest order. */
public enum WaldurCollection {
    CUSTOMERS("customers", "customers/", Customer.class),
    PROJECTS("projects", "projects/", Project.class),
    OFFERINGS("offerings", "marketplace-public-offerings/", Offering.class),
    ORDERS("orders", "marketplace-orders/", Order.class),
    RESOURCES("resources", "marketplace-resources/", Resource.class),
    COMPONENT_USAGES("component-usages", "marketplace-component-usages/", ComponentUsage.class),
    /**
     * Optional: only tokens with owner, staff or support rights may read invoices; a 403 or 404 is recorded in the
     * manifest as unavailable, never a failed harvest (docs/waldur.md, "Invoice items").
     */
    INVOICE_ITEMS("invoice-items", "invoice-items/", InvoiceItem.class);

    private final String id;
    private final String path;
    private final Class<?> recordType;

    WaldurCollection(String id, String path, Class<?> recordType) {
        this.id = id;
        this.path = path;
        this.recordType = recordType;
    }

    /** The short name used on the command line and in snapshot file names, e.g. {@code component-usages}. */
    public String id() {
        return id;
    }

    /** The path below {@code /api/}, with the trailing slash Waldur requires. */
    public String path() {
        return path;
    }

    /** Whether a 403 or 404 on this list means "not available" rather than a failed harvest. */
    public boolean optional() {
        return this == INVOICE_ITEMS;
    }

    public Class<?> recordType() {
        return recordType;
    }

    /** Parses a short name such as {@code orders}; the message lists the valid names. */
    public static WaldurCollection parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WaldurCollection c : values()) {
            if (c.id.equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown collection '" + text + "' (valid: "
                + Arrays.stream(values()).map(WaldurCollection::id).collect(Collectors.joining(", ")) + ")");
    }
}
