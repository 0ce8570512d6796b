package dev.tally.emulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * What the row builders ({@link MarketplaceRecords}, {@link OrganisationRecords}) share: slugs as Waldur derives them
 * and object nodes sized for a row.
 */
final class Records {
    private Records() {
    }

    /**
     * An object node whose map starts at the capacity it would grow to anyway (128 for about 70–90 order and
     * resource fields, 64 for a project's 33), so building 200,000 rows at scale 20 skips three rehashes each.
     */
    static ObjectNode sized(int capacity) {
        return new ObjectNode(Json.NODES, new LinkedHashMap<>(capacity));
    }

    /** A slug as Waldur derives it: ASCII letters, digits and hyphens, at most 50 characters. */
    static String slug(String name, String uuid) {
        String base = hyphenate(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)).toLowerCase();
        if (base.isEmpty()) {
            base = "item";
        }
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return base + "-" + uuid.substring(0, 6);
    }

    /**
     * {@code replaceAll("[^A-Za-z0-9]+", "-")} then {@code replaceAll("(^-+|-+$)", "")}, by hand: every run of other
     * characters becomes one hyphen, and none is left at either end. The regexes were a tenth of generation time at
     * scale 20 (130,000 slugs).
     */
    private static String hyphenate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }
}
