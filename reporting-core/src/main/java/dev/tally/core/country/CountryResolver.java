package dev.tally.core.country;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assigns an offering to a country share by one explicit rule, in this order:
 * <ol>
 *   <li>a configured mapping (offering UUID or exact name → country);</li>
 *   <li>the name convention "LUMI &lt;Country&gt;" or "LUMI &lt;Country&gt; / &lt;access type&gt;",
 *       where the country must be a known country name (multi-word names included);</li>
 *   <li>the offering's ISO {@code country} field, only for LUMI share offerings: named "LUMI &lt;X&gt; /
 *       &lt;access type&gt;" or "LUMI &lt;X&gt;" with X one word (an organisation's abbreviation, "LUMI UoI"),
 *       or from a provider configured as LUMI. A provider in Finland may put "FI" on everything, so other
 *       services ("LUMI-O object storage", "LUMI custom script") are never counted in a country;</li>
 *   <li>otherwise a LUMI offering is {@code (unassigned)} and anything else is a non-share.</li>
 * </ol>
 */
public final class CountryResolver {
    private static final Pattern LUMI_NAME = Pattern.compile("^LUMI\\s+([^/]+?)\\s*(?:/.*)?$");
    /** The shape of a LUMI share offering's name: "LUMI X / access type", or "LUMI X" with X one word. */
    private static final Pattern LUMI_SHARE_SHAPE = Pattern.compile("(?i)^LUMI\\s+(?:[^/]+?\\s*/.*|\\S+)$");

    private final Map<String, String> mapping;
    private final Map<String, String> isoToName;
    private final Set<String> lumiProviders;

    /**
     * @param mapping offering UUID or exact offering name → country name
     * @param isoToName ISO-3166 alpha-2 code (upper case) → English country name
     */
    public CountryResolver(Map<String, String> mapping, Map<String, String> isoToName) {
        this(mapping, isoToName, Set.of());
    }

    /**
     * @param mapping offering UUID or exact offering name → country name
     * @param isoToName ISO-3166 alpha-2 code (upper case) → English country name
     * @param lumiProviders UUIDs or names of provider customers whose offerings count as LUMI
     *     offerings even when their name does not start with "LUMI"
     */
    public CountryResolver(Map<String, String> mapping, Map<String, String> isoToName, Set<String> lumiProviders) {
        this.mapping = Map.copyOf(mapping);
        this.isoToName = Map.copyOf(isoToName);
        this.lumiProviders = Set.copyOf(lumiProviders);
    }

    /** A resolver with the built-in country list and the given mapping and LUMI providers. */
    public static CountryResolver of(Map<String, String> mapping, Set<String> lumiProviders) {
        return new CountryResolver(mapping, Countries.ISO_TO_NAME, lumiProviders);
    }

    /** A resolver with no configured mapping and the built-in country list. */
    public static CountryResolver standard() {
        return new CountryResolver(Map.of(), Countries.ISO_TO_NAME);
    }

    /** Resolves one offering whose provider is unknown. */
    public CountryShare resolve(String offeringUuid, String offeringName, String countryCode) {
        return resolve(offeringUuid, offeringName, countryCode, null, null);
    }

    /**
     * Resolves one offering.
     *
     * @param providerId UUID of the customer owning the offering, or null
     * @param providerName name of that customer, or null
     */
    public CountryShare resolve(String offeringUuid, String offeringName, String countryCode, String providerId,
            String providerName) {
        Objects.requireNonNull(offeringName, "offeringName");
        String mapped = offeringUuid == null ? null : mapping.get(offeringUuid);
        if (mapped == null) {
            mapped = mapping.get(offeringName);
        }
        if (mapped != null) {
            return CountryShare.country(mapped, CountrySource.MAPPING);
        }
        boolean lumi = LUMI_SHARE_SHAPE.matcher(offeringName.strip()).matches()
                || (providerId != null && lumiProviders.contains(providerId))
                || (providerName != null && lumiProviders.contains(providerName));
        Matcher m = LUMI_NAME.matcher(offeringName.strip());
        if (m.matches()) {
            String candidate = m.group(1).strip();
            if (isoToName.containsValue(candidate)) {
                return CountryShare.country(candidate, CountrySource.NAME);
            }
        }
        if (lumi && countryCode != null && !countryCode.isBlank()) {
            String name = isoToName.get(countryCode.strip().toUpperCase(Locale.ROOT));
            if (name != null) {
                return CountryShare.country(name, CountrySource.COUNTRY_FIELD);
            }
        }
        return lumi ? CountryShare.unassigned() : CountryShare.nonShare(offeringName);
    }
}
