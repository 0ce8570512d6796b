package dev.tally.emulator.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A way a real Waldur's data is less tidy than the generated dataset, switched on per emulator (all off by default,
 * so the default dataset stays byte-identical; docs/emulator.md, "Untidy data").
 */
public enum Quirk {
    /** Two projects whose resources are all terminated are soft-deleted: gone from the projects list, resources kept. */
    SOFT_DELETED_PROJECTS,
    /** One share offering is Archived: absent from the public offerings, still readable as a provider offering. */
    ARCHIVED_OFFERING,
    /**
     * LUMI Denmark gets a second public plan at twice the prices, so {@code switch_plan} can move a resource to it
     * and open a second plan period.
     */
    SECOND_PLAN,
    /** One invoice item of the latest invoiced month is billed 10.00 more than the rules give (docs/emulator.md, "Invoices"). */
    MISPRICED_INVOICE_ITEM,
    /**
     * The projects list answers 400 to a {@code modified} filter, as a Waldur without that filter may: an incremental
     * harvest then fetches projects whole (docs/emulator.md, "Untidy data").
     */
    PROJECTS_WITHOUT_MODIFIED;

    /** The name on the command line, such as {@code soft-deleted-projects}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a comma-separated list of keys; an empty or blank text is no quirk. */
    public static Set<Quirk> parse(String keys) {
        Set<Quirk> out = EnumSet.noneOf(Quirk.class);
        for (String part : keys.split(",")) {
            String key = part.strip();
            if (!key.isEmpty()) {
                out.add(of(key));
            }
        }
        return out;
    }

    private static Quirk of(String key) {
        for (Quirk q : values()) {
            if (q.key().equals(key.toLowerCase(Locale.ROOT))) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown quirk (" + key
                + "); use soft-deleted-projects, archived-offering, second-plan, mispriced-invoice-item"
                + " or projects-without-modified");
    }
}
